package io.complaintflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in nanoseconds, read as percentiles in milliseconds. */
final class Stats {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long nanosTaken) {
        nanos.add(nanosTaken);
    }

    double percentileMs(double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    interface Work {
        void run() throws Exception;
    }

    static Stats repeat(int times, Work work) throws Exception {
        Stats stats = new Stats();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            work.run();
            stats.add(System.nanoTime() - start);
        }
        return stats;
    }
}
