package io.complaintflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One node against two: the packaged jar ({@code mvn -DskipTests package} first) started once and twice with the
 * prod profile on a fresh PostgreSQL each time, and 16 intake clients spread over the nodes
 * ({@code -Dbench.only=nodes}), after a warm-up of the same length. What a node handles here, and what a second
 * one on the same machine adds.
 */
final class Nodes {
    static final int CLIENTS = 16;

    private Nodes() {
    }

    static void measure(Results results, int seconds) throws Exception {
        Path jar = Path.of("..", "target", "complaintflow-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar.toAbsolutePath() + ": run mvn -DskipTests package first");
        }
        for (int nodes = 1; nodes <= 2; nodes++) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200").start()) {
                GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
                mail.start();
                List<Process> processes = new ArrayList<>();
                List<Integer> ports = new ArrayList<>();
                try {
                    for (int i = 0; i < nodes; i++) {
                        int port = freePort();
                        ports.add(port);
                        processes.add(start(jar, port, postgres.getJdbcUrl("postgres", "postgres"), mail.getSmtp().getPort(), i));
                    }
                    for (int port : ports) {
                        awaitReady(port);
                    }
                    // warm-up: the same load, not counted (the in-process measures run after the floor's, on a warm JVM)
                    intake(null, nodes, ports, seconds);
                    intake(results, nodes, ports, seconds);
                } finally {
                    for (Process process : processes) {
                        process.destroyForcibly().waitFor();
                    }
                    mail.stop();
                }
            }
        }
        results.note("nodes: " + Runtime.getRuntime().availableProcessors() + " cores shared by the nodes, PostgreSQL and the clients");
    }

    private static Process start(Path jar, int port, String jdbcUrl, int smtpPort, int index) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=30")
                .redirectErrorStream(true).redirectOutput(new File("target/node-" + index + ".log"));
        Files.createDirectories(Path.of("target"));
        builder.environment().putAll(java.util.Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "COMPLAINTFLOW_DB_URL", jdbcUrl,
                "COMPLAINTFLOW_DB_USER", "postgres",
                "COMPLAINTFLOW_DB_PASSWORD", "Bench-Db-2026!",
                "COMPLAINTFLOW_ADMIN_USER", "benchadmin",
                "COMPLAINTFLOW_ADMIN_PASSWORD", "Bench-Admin-2026!",
                "COMPLAINTFLOW_SMTP_HOST", "127.0.0.1",
                "COMPLAINTFLOW_SMTP_PORT", String.valueOf(smtpPort)));
        return builder.start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node on port " + port + " not ready within 4 minutes");
    }

    private static void intake(Results results, int nodes, List<Integer> ports, int seconds) throws Exception {
        Stats latencies = new Stats();
        LongAdder done = new LongAdder();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int port = ports.get(c % nodes);
            pool.submit(() -> {
                PlainHttpClient client = new PlainHttpClient("127.0.0.1", port);
                try {
                    while (System.nanoTime() < end) {
                        int i = n.incrementAndGet();
                        long t = System.nanoTime();
                        try {
                            if (client.postJson("/api/complaints", """
                                    {"channel":"web","category":"usage","subject":"Bench %d","description":"The page is slow today",
                                     "locale":"en","customer":{"name":"Bench","email":"bench%d@example.com","segment":"standard"}}"""
                                    .formatted(i, i)) != 201) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            client.close();
                            client = new PlainHttpClient("127.0.0.1", port);
                        }
                        latencies.add(System.nanoTime() - t);
                        done.increment();
                    }
                } finally {
                    client.close();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        double rate = done.sum() / ((System.nanoTime() - start) / 1e9);
        if (results == null) {
            return;
        }
        results.add("PostgreSQL", "packaged jar, prod profile, %d node(s): intake, %d clients".formatted(nodes, CLIENTS),
                "%.0f /s, p50 %.0f / p95 %.0f / p99 %.0f ms, %d errors".formatted(rate, latencies.percentileMs(50),
                        latencies.percentileMs(95), latencies.percentileMs(99), errors.get()), "", null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
