package io.complaintflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by the application's JVM (less the thread that drives the measure) and by PostgreSQL's processes,
 * so a measure can say what one unit of work costs the machine: on a machine whose cores are all busy, that cost,
 * not the database's wait, bounds the throughput. PostgreSQL's share is read from /proc (Linux), in clock ticks of
 * 10 ms; the embedded server's processes are those whose command is {@code postgres}.
 */
final class CpuMeter {
    private static final double TICK_MS = 10;

    record Reading(double jvmMs, double postgresMs) {
        Reading minus(Reading earlier) {
            return new Reading(jvmMs - earlier.jvmMs, postgresMs - earlier.postgresMs);
        }

        double totalMs() {
            return jvmMs + postgresMs;
        }

        Reading per(int units) {
            return new Reading(jvmMs / units, postgresMs / units);
        }

        @Override
        public String toString() {
            return "%.1f ms (JVM %.1f, PostgreSQL %.1f)".formatted(totalMs(), jvmMs, postgresMs);
        }
    }

    /** Now; the calling thread's own CPU (the measure's client) is left out. */
    static Reading read() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double own = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
        return new Reading(os.getProcessCpuTime() / 1e6 - own, postgresTicks() * TICK_MS);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuMeter::postgresTicks).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                return 0;
            }
            // after "pid (comm)": state is field 3, utime field 14, stime field 15
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // a process that ended meanwhile
        }
    }

    private CpuMeter() {
    }
}
