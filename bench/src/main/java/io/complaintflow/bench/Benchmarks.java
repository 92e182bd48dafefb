package io.complaintflow.bench;

import io.complaintflow.ComplaintFlowApplication;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.feedback.CustomerResponses;
import io.complaintflow.intake.ComplaintSubmission;
import io.complaintflow.intake.IntakeService;
import io.complaintflow.reporting.KpiQuery;
import io.complaintflow.reporting.KpiReport;
import io.complaintflow.reporting.KpiRollup;
import java.time.YearMonth;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures ComplaintFlow on PostgreSQL (embedded, fsync and synchronous_commit on) and on H2, beside the bare
 * Camunda engine on the same database in the same run. Run: mvn -f bench/pom.xml compile exec:exec
 * (-Dbench.scale=quick for a short check). Prints every figure and writes bench/results/.
 */
public final class Benchmarks {
    record Scale(String name, int intakeSeconds, int floorSeconds, int lifecycles, int breaches, int open, int closed,
                 int queryRuns) {
    }

    static final Scale FULL = new Scale("full", 30, 15, 400, 10_000, 100_000, 1_000_000, 200);
    static final Scale QUICK = new Scale("quick", 5, 5, 40, 500, 2_000, 50_000, 30);
    static final int PORT = 18080;
    /** agents working lifecycles at once: each waits for jobs and a 1 s observation timer, so this many overlap */
    static final int AGENTS = 16;

    private Scale scale;
    private final Results results = new Results();
    private ConfigurableApplicationContext app;
    private String db;

    Benchmarks(Scale scale) {
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        Scale scale = "quick".equals(System.getProperty("bench.scale")) ? QUICK : FULL;
        // -Dbench.breaches=N: another size for the escalation measure (e.g. to profile it)
        if (Integer.getInteger("bench.breaches") != null) {
            scale = new Scale(scale.name(), scale.intakeSeconds(), scale.floorSeconds(), scale.lifecycles(),
                    Integer.getInteger("bench.breaches"), scale.open(), scale.closed(), scale.queryRuns());
        }
        Benchmarks bench = new Benchmarks(scale);
        if ("nodes".equals(only())) {
            Nodes.measure(bench.results, scale.intakeSeconds());
            System.out.println("written: " + bench.results.write(scale.name() + "-nodes"));
            System.exit(0);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "100")
                // -Dbench.pglog=/some/dir logs every statement slower than 10 ms there
                .setServerConfig("logging_collector", System.getProperty("bench.pglog") == null ? "off" : "on")
                .setServerConfig("log_directory", System.getProperty("bench.pglog", "log"))
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pglog") == null ? "-1" : "10")
                // -Dbench.pgstat=true: the statements PostgreSQL spent its time on, printed after the intake measure
                .setServerConfig("shared_preload_libraries", Boolean.getBoolean("bench.pgstat") ? "pg_stat_statements" : "")
                .start()) {
            // the production profile's PostgreSQL settings, with the demo profile's users and mail catcher
            bench.runOn("PostgreSQL", Map.of("spring.profiles.active", "demo,postgres",
                    "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres", "spring.datasource.password", "",
                    "spring.mail.host", "127.0.0.1", "spring.mail.port", "3025"));
        }
        if (only() != null) {
            System.out.println("written: " + bench.results.write(scale.name() + "-" + only()));
            System.exit(0);
        }
        // H2 (the development database) runs at the quick sizes unless -Dbench.h2=full; -Dbench.h2=off skips it
        String h2Scale = System.getProperty("bench.h2", "quick");
        if ("off".equals(h2Scale)) {
            System.out.println("written: " + bench.results.write(scale.name()));
            System.exit(0);
        }
        bench.scale = "full".equals(h2Scale) ? FULL : QUICK;
        Path h2 = Path.of("target", "bench-h2");
        deleteRecursively(h2);
        bench.runOn("H2 (" + bench.scale.name() + " sizes)", Map.of("spring.datasource.url", "jdbc:h2:file:./target/bench-h2/db;DB_CLOSE_ON_EXIT=FALSE"));
        System.out.println("written: " + bench.results.write(scale.name()));
        System.exit(0);
    }

    /** What the floor's bare start cost, when this run measured it. */
    private CpuMeter.Reading floorCpu;
    private int lastRuns;

    void runOn(String database, Map<String, Object> datasource) throws Exception {
        db = database;
        long start = System.nanoTime();
        Map<String, Object> settings = new java.util.LinkedHashMap<>(Map.of("spring.profiles.active", "demo"));
        settings.putAll(datasource);
        settings.putAll(Map.of(
                "server.port", PORT,
                "complaintflow.mailbox.enabled", "false",
                "complaintflow.lifecycle.observation-period", "PT1S",
                // the reports measure times the KPI roll-up itself: the scheduled one (every 10 minutes) would race it
                "complaintflow.reporting.roll-up-every", "P1D",
                "logging.level.root", "WARN",
                "logging.level.org.camunda.bpm.engine.jobexecutor", "ERROR",
                "spring.datasource.hikari.maximum-pool-size", "30",
                "logging.level.org.camunda.bpm.engine.impl.persistence.entity.FilterEntity", "INFO",
                "logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
                System.getProperty("bench.sql", "WARN")));
        // -Dbench.settings=key=value,key=value: what-if runs, e.g. camunda.bpm.history-level=audit
        for (String setting : System.getProperty("bench.settings", "").split(",")) {
            if (setting.contains("=")) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        // command-line arguments outrank application.yaml
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        app = new SpringApplicationBuilder(ComplaintFlowApplication.class).run(args);
        double startup = (System.nanoTime() - start) / 1e9;
        results.add(db, "start-up to ready", "%.1f s".formatted(startup), "≤ 20 s", null);
        try {
            if ("escalation".equals(only())) {
                escalationLag();
                held();
                return;
            }
            if ("reports".equals(only())) {
                reports();
                held();
                return;
            }
            if ("queue".equals(only())) {
                agentQueue();
                holdThenMeasureQueueAgain();
                return;
            }
            double floorStarts1 = floorStarts(1);
            // measured warm and with both cores busy: the 1-thread run came first, just after start-up, with the JIT at work
            CpuMeter.Reading beforeFloor = CpuMeter.read();
            double floorStarts16 = floorStarts(16);
            floorCpu = CpuMeter.read().minus(beforeFloor).per(lastRuns);
            double floorCompletions = floorCompletions();
            results.add(db, "floor: bare engine starts/s, 1 thread", "%.0f /s".formatted(floorStarts1), "", "1.00");
            results.add(db, "floor: bare engine starts/s, 16 threads", "%.0f /s".formatted(floorStarts16), "", "1.00");
            results.add(db, "floor: bare engine task completions/s, 1 thread", "%.0f /s".formatted(floorCompletions), "", "1.00");
            if ("lifecycle".equals(only())) {
                lifecycles(floorCompletions);
                return;
            }
            for (int clients : new int[] {1, 4, 16}) {
                intake(clients, clients == 1 ? floorStarts1 : floorStarts16);
            }
            rowsPerComplaint();
            if ("intake".equals(only())) {
                printStatementStatistics();
                return;
            }
            lifecycles(floorCompletions);
            escalationLag();
            agentQueue();
            holdThenMeasureQueueAgain();
            reports();
            System.gc();
            long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            results.add(db, "heap after the run (-Xmx" + Runtime.getRuntime().maxMemory() / 1024 / 1024 + "m)",
                    used / 1024 / 1024 + " MiB", "within 512 MiB", null);
        } finally {
            ClockUtil.reset();
            app.close();
        }
    }

    private void resetStatementStatistics() {
        if (Boolean.getBoolean("bench.pgstat") && db.equals("PostgreSQL")) {
            JdbcTemplate jdbc = bean(JdbcTemplate.class);
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForList("SELECT pg_stat_statements_reset()");
        }
    }

    private void printStatementStatistics() {
        if (!Boolean.getBoolean("bench.pgstat") || !db.equals("PostgreSQL")) {
            return;
        }
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        jdbc.queryForList("SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q "
                + "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40").forEach(System.out::println);
    }

    private static String only() {
        String only = System.getProperty("bench.only");
        return only == null || only.isBlank() ? null : only;
    }

    private <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    // ---------------------------------------------------------------- the floor: no code of ours
    private double floorStarts(int threads) throws Exception {
        RepositoryService repository = bean(RepositoryService.class);
        if (repository.createProcessDefinitionQuery().processDefinitionKey("bench-floor").count() == 0) {
            repository.createDeployment().addModelInstance("bench-floor.bpmn", Bpmn.createExecutableProcess("bench-floor")
                    .camundaHistoryTimeToLive(1).startEvent().userTask("Work").endEvent().done()).deploy();
        }
        RuntimeService runtime = bean(RuntimeService.class);
        return forSeconds(threads, scale.floorSeconds(), () -> runtime.startProcessInstanceByKey("bench-floor"), null) ;
    }

    private double floorCompletions() {
        TaskService tasks = bean(TaskService.class);
        List<Task> open = tasks.createTaskQuery().processDefinitionKey("bench-floor").listPage(0, 2_000);
        long start = System.nanoTime();
        open.forEach(t -> tasks.complete(t.getId()));
        return open.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Runs the work in a loop on each thread for the given time; returns completed runs per second. */
    private double forSeconds(int threads, int seconds, Stats.Work work, Stats latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    work.run();
                    if (latencies != null) {
                        latencies.add(System.nanoTime() - t);
                    }
                    done.increment();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        lastRuns = done.intValue();
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- 1. intake over HTTP
    private void intake(int clients, double floor) throws Exception {
        // each measure starts quiet: the jobs the last one left (hand-overs, acknowledgements) are done first
        awaitJobsDone(bean(JdbcTemplate.class));
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        long start = System.nanoTime();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        Stats latencies = new Stats();
        List<PlainHttpClient> connections = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ThreadLocal<PlainHttpClient> connection = ThreadLocal.withInitial(() -> {
            PlainHttpClient client = new PlainHttpClient("localhost", PORT);
            connections.add(client);
            return client;
        });
        double rate = forSeconds(clients, scale.intakeSeconds(), () -> {
            int i = n.incrementAndGet();
            String body = """
                    {"channel":"web","category":"usage","subject":"Bench %d","description":"The page is slow today",
                     "locale":"en","customer":{"name":"Bench","email":"bench%d@example.com","segment":"standard"}}"""
                    .formatted(i, i);
            try {
                if (connection.get().postJson("/api/complaints", body) != 201) {
                    errors.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                errors.incrementAndGet();
                connection.get().close();
            }
        }, latencies);
        for (PlainHttpClient client : connections) {
            client.close();
        }
        results.add(db, "intake, %d client(s): complaints/s".formatted(clients),
                "%.0f /s, p50 %.0f / p95 %.0f / p99 %.0f ms, %d errors".formatted(rate, latencies.percentileMs(50),
                        latencies.percentileMs(95), latencies.percentileMs(99), errors.get()),
                clients == 16 ? "≥ 300 /s, p99 ≤ 150 ms" : "", "%.2f".formatted(rate / floor));
        if (clients == 16 && db.equals("PostgreSQL")) {
            // the requests are answered before their hand-over and acknowledgement jobs run: those wait in a backlog
            int complaints = n.get() - errors.get();
            awaitJobsDone(bean(JdbcTemplate.class));
            double sustained = complaints / ((System.nanoTime() - start) / 1e9);
            results.add(db, "intake, 16 clients, until the jobs of those complaints are done", "%.0f /s".formatted(sustained), "",
                    "%.2f".formatted(sustained / floor));
            cpuPerComplaint(CpuMeter.read().minus(cpuBefore).per(complaints));
        }
    }

    /**
     * Rows written per complaint from its intake until its confirm task waits (every job due by then done):
     * PostgreSQL's per-table counters of inserted, updated and deleted rows around 200 complaints sent one by one.
     */
    private void rowsPerComplaint() throws Exception {
        if (!db.equals("PostgreSQL")) {
            return;
        }
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        TaskService tasks = bean(TaskService.class);
        int complaints = 200;
        awaitJobsDone(jdbc);
        Map<String, long[]> before = tableWrites(jdbc);
        long open = tasks.createTaskQuery().taskDefinitionKey("ConfirmComplaint").count();
        try (PlainHttpClient client = new PlainHttpClient("localhost", PORT)) {
            for (int i = 0; i < complaints; i++) {
                client.postJson("/api/complaints", """
                        {"channel":"web","category":"usage","subject":"Rows %d","description":"The page is slow today",
                         "locale":"en","customer":{"name":"Bench","email":"rows%d@example.com","segment":"standard"}}""".formatted(i, i));
            }
        }
        await(() -> tasks.createTaskQuery().taskDefinitionKey("ConfirmComplaint").count() >= open + complaints);
        awaitJobsDone(jdbc);
        // a backend reports its counters when idle, at the latest after 10 s
        Thread.sleep(11_000);
        Map<String, long[]> after = tableWrites(jdbc);
        long[] total = new long[3];
        List<String> perTable = new java.util.ArrayList<>();
        after.forEach((table, counts) -> {
            long[] was = before.getOrDefault(table, new long[3]);
            long[] diff = {counts[0] - was[0], counts[1] - was[1], counts[2] - was[2]};
            for (int k = 0; k < 3; k++) {
                total[k] += diff[k];
            }
            double each = (diff[0] + diff[1] + diff[2]) / (double) complaints;
            if (each >= 0.5) {
                perTable.add("%s %.1f (+%.1f ~%.1f −%.1f)".formatted(table, each, diff[0] / (double) complaints,
                        diff[1] / (double) complaints, diff[2] / (double) complaints));
            }
        });
        perTable.sort(java.util.Comparator.comparingDouble((String t) -> -Double.parseDouble(t.split(" ")[1])));
        results.add(db, "rows written per complaint at intake (until its confirm task waits)",
                "%.0f (%.0f inserted, %.0f updated, %.0f deleted)".formatted((total[0] + total[1] + total[2]) / (double) complaints,
                        total[0] / (double) complaints, total[1] / (double) complaints, total[2] / (double) complaints), "≤ 50", null);
        results.note(db + ": rows per complaint by table (inserted ~updated −deleted): " + String.join(", ", perTable));
    }

    private String inBareStarts(CpuMeter.Reading cpu) {
        return floorCpu == null ? null : "%.1f bare starts".formatted(cpu.totalMs() / floorCpu.totalMs());
    }

    /**
     * What a complaint costs the machine against a bare start, and so the throughput its cores allow: the intake's
     * ceiling on this machine whatever is waited for, and the cost at which 0.25 of the floor would be possible.
     */
    private void cpuPerComplaint(CpuMeter.Reading complaint) {
        int cores = Runtime.getRuntime().availableProcessors();
        results.add(db, "CPU per bare engine start (the floor, 16 threads)", floorCpu.toString(), "", null);
        results.add(db, "CPU per complaint at intake (16 clients: its request, hand-over and acknowledgement)", complaint.toString(),
                "≤ %.1f ms for 0.25 of the floor".formatted(4 * floorCpu.totalMs()),
                inBareStarts(complaint));
        results.add(db, "intake ceiling of this machine's %d cores at that cost".formatted(cores),
                "%.0f /s".formatted(cores * 1000 / complaint.totalMs()), "", null);
    }

    private static Map<String, long[]> tableWrites(JdbcTemplate jdbc) {
        Map<String, long[]> writes = new java.util.HashMap<>();
        jdbc.query("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables", rs -> {
            writes.put(rs.getString(1).toLowerCase(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return writes;
    }

    /** Until no job is due now (the SLA timers wait for their moments). */
    private static void awaitJobsDone(JdbcTemplate jdbc) throws Exception {
        // every second: with 57,000 jobs due the count takes PostgreSQL 200 ms
        await(() -> dueJobs(jdbc) == 0, 1000);
    }

    private static long dueJobs(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= ?)",
                Long.class, java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    }

    // ---------------------------------------------------------------- 2. whole lifecycles through the task API
    /**
     * 16 agents each take a complaint from intake through its three tasks, then the next one; the customers answer
     * their surveys when asked (one thread, looking every 100 ms), so an agent does not wait through the observation
     * period and the survey's mail as it did until 1 December (16 agents then could close at most 16 complaints a
     * second, whatever the machine, with the bench's one-second observation period).
     */
    private void lifecycles(double floorCompletions) throws Exception {
        IntakeService intake = bean(IntakeService.class);
        TaskService tasks = bean(TaskService.class);
        CustomerResponses customers = bean(CustomerResponses.class);
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
        Map<String, Complaint> awaitingSurvey = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> ids = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        long start = System.nanoTime();
        List<Future<?>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < scale.lifecycles(); i++) {
            runs.add(agents.submit(() -> {
                Complaint c = intake.submit(new ComplaintSubmission("web", "problem", "usage", "Lifecycle", "Slow page", "en",
                        new ComplaintSubmission.Customer("Bench", "life@example.com", null, "standard")), null).complaint();
                ids.add(c.id());
                work(tasks, c, "ConfirmComplaint", Map.of("confirmation", "confirmed"));
                work(tasks, c, "DecideSolution", Map.of("solution", "Cache", "rootCause", "Cold cache", "approvalNeeded", false));
                work(tasks, c, "ImplementSolution", Map.of("implementation", "resolved"));
                awaitingSurvey.put(c.ticketNumber(), c);
                return null;
            }));
        }
        int answered = 0;
        while (answered < scale.lifecycles()) {
            for (String ticket : jdbc.queryForList("SELECT e.BUSINESS_KEY_ FROM ACT_RU_EVENT_SUBSCR s JOIN ACT_RU_EXECUTION e "
                    + "ON e.ID_ = s.PROC_INST_ID_ WHERE s.EVENT_NAME_ = 'SurveyAnswered'", String.class)) {
                Complaint c = awaitingSurvey.remove(ticket);
                if (c != null) {
                    customers.answerSurvey(c, new CustomerResponses.SurveyAnswer(5, 10, null, false));
                    answered++;
                }
            }
            for (Future<?> run : runs) {
                if (run.isDone()) {
                    run.get(); // an agent's failure ends the measure
                }
            }
            Thread.sleep(100);
        }
        for (Future<?> run : runs) {
            run.get();
        }
        agents.shutdown();
        String inList = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE status = 'CLOSED' AND id IN (" + inList + ")",
                Integer.class) == scale.lifecycles(), 100);
        double rate = scale.lifecycles() / ((System.nanoTime() - start) / 1e9);
        CpuMeter.Reading cpu = CpuMeter.read().minus(cpuBefore).per(scale.lifecycles());
        results.add(db, "lifecycle intake → closed (%d agents): lifecycles/s".formatted(AGENTS), "%.1f /s".formatted(rate),
                "≥ 20 /s", "%.2f of floor completions".formatted(rate / floorCompletions));
        results.add(db, "CPU per lifecycle (with the agents' polling for their next task)", cpu.toString(),
                "≤ %.1f ms for 20 /s".formatted(Runtime.getRuntime().availableProcessors() * 1000.0 / 20),
                inBareStarts(cpu));
    }

    private static void work(TaskService tasks, Complaint c, String key, Map<String, Object> decision) throws Exception {
        Task[] task = new Task[1];
        // an agent looks again every 100 ms: at every 20 ms, 16 waiting agents sent 800 task queries a second
        await(() -> (task[0] = tasks.createTaskQuery().processInstanceBusinessKey(c.ticketNumber()).taskDefinitionKey(key)
                .singleResult()) != null, 100);
        tasks.claim(task[0].getId(), "agent1");
        tasks.complete(task[0].getId(), decision);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        await(condition, 20);
    }

    /** Polls every {@code pollMillis}: counting queries over thousands of rows would otherwise load the database measured. */
    private static void await(Condition condition, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited thirty minutes");
            }
            Thread.sleep(pollMillis);
        }
    }

    // ---------------------------------------------------------------- 3. escalation lag
    private void escalationLag() throws Exception {
        IntakeService intake = bean(IntakeService.class);
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Instant t0 = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        ClockUtil.setCurrentTime(Date.from(t0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> ids = new java.util.ArrayList<>();
        for (int i = 0; i < scale.breaches(); i++) {
            ids.add(pool.submit(() -> intake.submit(new ComplaintSubmission("web", "problem", "outage", "Outage", "Down", "en",
                    new ComplaintSubmission.Customer("Bench", "lag@example.com", null, "standard")), null).complaint().id()));
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Future<Long> id : ids) {
            first = Math.min(first, id.get());
            last = Math.max(last, id.get());
        }
        pool.shutdown();
        long from = first;
        long to = last;
        // every one of them waits at its confirm task with its breach timer armed
        Date due = Date.from(t0.plus(Duration.ofMinutes(15)));
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-transition' AND DUEDATE_ = ?",
                Integer.class, due) >= scale.breaches(), 250);
        // their warnings (at 75 % of the 15 minutes) come first, as they would in real time; then the breaches
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(14))));
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sent_message WHERE message_key LIKE 'responseWarning:%' "
                + "AND complaint_id BETWEEN ? AND ?", Integer.class, from, to) >= scale.breaches(), 250);
        long digestsBefore = bean(org.camunda.bpm.engine.HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey("supervisor-alerts").count();
        resetStatementStatistics();
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        long start = System.nanoTime();
        ClockUtil.setCurrentTime(due);
        // looked at every second: at 10,000 complaints this count costs PostgreSQL 33 ms, 10 % of the breaches' own time at 250 ms
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE id BETWEEN ? AND ? AND first_response_breached_at IS NOT NULL",
                Integer.class, from, to) >= scale.breaches(), 1000);
        double recorded = (System.nanoTime() - start) / 1e9;
        System.out.println("breaches recorded from " + Instant.now().minusMillis((long) (recorded * 1000)) + " to " + Instant.now());
        printStatementStatistics();
        // the supervisors' digest (every 15 s while alerts wait) has told them of every breach
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM supervisor_alert WHERE notice = 'RESPONSE_BREACHED' "
                + "AND notified_at IS NOT NULL AND complaint_id BETWEEN ? AND ?", Integer.class, from, to) >= scale.breaches(), 250);
        double notified = (System.nanoTime() - start) / 1e9;
        CpuMeter.Reading cpu = CpuMeter.read().minus(cpuBefore).per(scale.breaches());
        ClockUtil.reset();
        long digests = bean(org.camunda.bpm.engine.HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey("supervisor-alerts").count() - digestsBefore;
        results.add(db, "escalation lag, %,d breaches due in the same minute".formatted(scale.breaches()),
                "recorded %.1f s, notified %.1f s (%d digest mails)".formatted(recorded, notified, digests), "≤ 60 s",
                "%.0f breaches/s recorded".formatted(scale.breaches() / recorded));
        results.add(db, "CPU per breach, recorded and told", cpu.toString(), "≤ %.1f ms for 30 s".formatted(
                Runtime.getRuntime().availableProcessors() * 30_000.0 / scale.breaches()),
                inBareStarts(cpu));
    }

    // ---------------------------------------------------------------- 4. the agent's queue
    private void agentQueue() throws Exception {
        IntakeService intake = bean(IntakeService.class);
        TaskService tasks = bean(TaskService.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> created = new java.util.ArrayList<>();
        long open = tasks.createTaskQuery().taskCandidateGroup("agents-l1").count();
        for (long i = open; i < scale.open(); i++) {
            created.add(pool.submit(() -> intake.submit(new ComplaintSubmission("web", "problem", "usage", "Open", "Open case", "en",
                    new ComplaintSubmission.Customer("Bench", "open@example.com", null, "standard")), null)));
        }
        for (Future<?> f : created) {
            f.get();
        }
        pool.shutdown();
        // looked at every 5 s: at 100,000 open tasks the count takes PostgreSQL a second, and at every 20 ms it took 1.3 of
        // the 2 cores while the last complaints were still being handed over (pg_stat_statements, 2 December)
        await(() -> tasks.createTaskQuery().taskCandidateGroup("agents-l1").count() >= scale.open(), 5000);
        // the queue is measured as an agent meets it on a quiet node: after the intakes' acknowledgement mails, not while
        // the job executor still sends them (1 December's full run measured it with 33,822 of them due)
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        long backlogStart = System.nanoTime();
        long due = dueJobs(jdbc);
        awaitJobsDone(jdbc);
        System.out.printf("job backlog of %,d due jobs done in %.0f s%n", due, (System.nanoTime() - backlogStart) / 1e9);
        measureQueue("");
    }

    /** -Dbench.hold=600 keeps the database up after the queue measure for EXPLAIN in psql, then measures the queue again. */
    private void holdThenMeasureQueueAgain() throws Exception {
        if (held()) {
            measureQueue(" (again, after the hold)");
        }
    }

    /** -Dbench.hold=S keeps the database up S seconds for EXPLAIN in psql (its port is in the log); false without it. */
    private static boolean held() throws InterruptedException {
        long seconds = Long.getLong("bench.hold", 0);
        if (seconds > 0) {
            System.out.println("holding the database for " + seconds + " s");
            Thread.sleep(seconds * 1000);
        }
        return seconds > 0;
    }

    private void measureQueue(String when) throws Exception {
        TaskService tasks = bean(TaskService.class);
        IdentityService identity = bean(IdentityService.class);
        FilterService filters = bean(FilterService.class);
        Filter l1 = filters.createFilterQuery().filterName("L1 queue · 一线队列").singleResult();
        identity.setAuthentication("agent1", List.of("agents-l1"));
        try {
            Stats.repeat(5, () -> filters.listPage(l1.getId(), 0, 50));
            Stats query = Stats.repeat(scale.queryRuns(), () -> filters.listPage(l1.getId(), 0, 50));
            results.add(db, "agent queue at %,d open: L1 filter, first 50 by due date%s".formatted(
                            tasks.createTaskQuery().taskCandidateGroup("agents-l1").count(), when),
                    "p50 %.1f / p95 %.1f ms".formatted(query.percentileMs(50), query.percentileMs(95)), "p95 ≤ 20 ms", null);
        } finally {
            identity.clearAuthentication();
        }
        measureTasklistOpening(l1.getId(), when);
    }

    /**
     * Tasklist opening for agent1, over HTTP as the webapp asks (camunda-bpm-sdk-js; cam-tasklist-view-ctrl): the
     * number of filters, the filters, then the chosen filter's first page of 15 with its count and the list's
     * variables (HAL), sorted by due date as ComplaintFlow's Tasklist does (scripts/urgent-first.js). Measured twice:
     * through /engine-rest with HTTP Basic on every request (each checks the password), and as Tasklist in a browser
     * sends them, through the webapp's own API with its session cookie and CSRF token.
     */
    private void measureTasklistOpening(String filterId, String when) throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String webapp = "http://localhost:" + PORT + "/camunda";
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(webapp + "/app/tasklist/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        expectOk(browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(webapp + "/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrfToken(browser))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=agent1&password=demo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()));
        // a login starts a new session; its token comes with its first read, as Tasklist asks who is logged in
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(webapp + "/api/admin/auth/user/default")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        measureTasklistOpening(filterId, when, "as a browser: session cookie, the webapp's API", browser,
                webapp + "/api/engine/engine/default", Map.of("X-XSRF-TOKEN", xsrfToken(browser)), true);
        // the same caller: the queue's count is kept from the opening above
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("agent1:demo".getBytes());
        measureTasklistOpening(filterId, when, "HTTP Basic on each request, /engine-rest", java.net.http.HttpClient.newHttpClient(),
                "http://localhost:" + PORT + "/engine-rest", Map.of("Authorization", basic), false);
    }

    /** The CSRF token the webapp last gave this client (a cookie, sent back as a header). */
    private static String xsrfToken(java.net.http.HttpClient browser) {
        return ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    private void measureTasklistOpening(String filterId, String when, String how, java.net.http.HttpClient http, String base,
                                        Map<String, String> headers, boolean first) throws Exception {
        java.util.function.Function<String, java.net.http.HttpRequest.Builder> request = path -> {
            java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path));
            headers.forEach(builder::header);
            return builder;
        };
        Stats.Work opening = () -> {
            for (String path : List.of("/filter/count?resourceType=Task&itemCount=false",
                    "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task")) {
                expectOk(http.send(request.apply(path).header("Accept", "application/json").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            expectOk(http.send(request.apply("/filter/" + filterId + "/list?firstResult=0&maxResults=15")
                    .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,
                             "sorting":[{"sortBy":"dueDate","sortOrder":"asc"}],"active":true}""")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        };
        // -Dbench.pgstat=true: PostgreSQL's statements of these openings alone (e.g. the session's writes per opening)
        resetStatementStatistics();
        // the first opening counts the queue (LargeQueueCounts keeps a large count per caller for two minutes)
        long start = System.nanoTime();
        opening.run();
        if (first) {
            results.add(db, "Tasklist opening for agent1 (" + how + "), the first (the queue counted by the engine)" + when,
                    "%.0f ms".formatted((System.nanoTime() - start) / 1e6), "–", null);
        }
        Stats.repeat(5, opening);
        Stats stats = Stats.repeat(scale.queryRuns(), opening);
        results.add(db, "Tasklist opening for agent1 (" + how + "; filters, then the L1 queue's first 15 with its count and variables)"
                        + when, "p50 %.1f / p95 %.1f ms".formatted(stats.percentileMs(50), stats.percentileMs(95)), "p95 ≤ 100 ms", null);
        if (Boolean.getBoolean("bench.pgstat")) {
            System.out.printf("statements of %d Tasklist openings (%s):%n", 6 + scale.queryRuns(), how);
            printStatementStatistics();
        }
    }

    private static void expectOk(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    // ---------------------------------------------------------------- 5. KPI reports
    private void reports() throws Exception {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        boolean postgres = db.equals("PostgreSQL");
        String rows = postgres ? "generate_series(1, " + scale.closed() + ") AS g(x)" : "SYSTEM_RANGE(1, " + scale.closed() + ") AS g(x)";
        // spread over the year whatever the size, so that the month reported on has its share
        int step = Math.max(1, 525_600 / scale.closed());
        String received = postgres ? "TIMESTAMPTZ '2026-01-01 00:00:00+00' + ((x * " + step + ") % 525600) * INTERVAL '1 minute'"
                : "DATEADD('MINUTE', MOD(x * " + step + ", 525600), TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')";
        String plus = postgres ? "(%s) + (%s) * INTERVAL '1 minute'" : "DATEADD('MINUTE', %2$s, %1$s)";
        long start = System.nanoTime();
        jdbc.execute("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                + "customer_email, segment, priority, tier, status, outcome, received_at, first_response_due, "
                + "first_response_at, resolution_due, implemented_at, resolved_at, closed_at, escalation_count, reopen_count, sla_breached) "
                + "SELECT 'B' || x, 'web', CASE MOD(x, 5) WHEN 0 THEN 'complaint' WHEN 1 THEN 'suggestion' ELSE 'problem' END, "
                + "'usage', 'Closed', 'Closed case', 'en', 'Bench', 'bench@example.com', 'standard', "
                + "CASE MOD(x, 3) WHEN 0 THEN 'urgent' WHEN 1 THEN 'important' ELSE 'general' END, 'L1', 'CLOSED', 'resolved', "
                + received + ", " + plus.formatted(received, "60") + ", " + plus.formatted(received, "MOD(x, 90)") + ", "
                + plus.formatted(received, "1440") + ", " + plus.formatted(received, "MOD(x, 2000)") + ", "
                + plus.formatted(received, "MOD(x, 2000) + 5") + ", "
                + plus.formatted(received, "3000") + ", 0, 0, FALSE FROM " + rows);
        results.note(db + ": %,d closed complaints inserted in %.0f s".formatted(scale.closed(), (System.nanoTime() - start) / 1e9));
        if (postgres) {
            // what autovacuum does soon after a load: statistics, and the visibility map an index-only scan needs
            jdbc.execute("VACUUM ANALYZE complaint");
        }
        KpiReport kpis = bean(KpiReport.class);
        YearMonth october = YearMonth.of(2026, 10);
        Stats.repeat(3, () -> kpis.of(KpiQuery.month(october)));
        Stats live = Stats.repeat(Math.max(5, scale.queryRuns() / 4), () -> kpis.of(KpiQuery.month(october)));
        long counted = kpis.of(KpiQuery.month(october)).rows().stream().mapToLong(row -> row.figures().received()).sum();
        results.add(db, "KPI report at %,d closed (%,d in the month), read live from the complaints (days not rolled up yet)"
                        .formatted(scale.closed(), counted),
                "p50 %.0f / p95 %.0f ms".formatted(live.percentileMs(50), live.percentileMs(95)), "–", null);
        // a month as it stands some days after its end: one complaint in twenty still open, read one by one
        jdbc.update("UPDATE complaint SET status = 'IN_PROGRESS' WHERE received_at >= ? AND received_at < ? AND MOD(id, 20) = 0",
                java.sql.Timestamp.from(october.atDay(1).atStartOfDay(bean(io.complaintflow.sla.BusinessHoursProperties.class).getZone()).toInstant()),
                java.sql.Timestamp.from(october.plusMonths(1).atDay(1).atStartOfDay(bean(io.complaintflow.sla.BusinessHoursProperties.class).getZone()).toInstant()));
        start = System.nanoTime();
        long rolledUp = bean(KpiRollup.class).rollUp();
        results.note(db + ": the roll-up of %,d settled complaints took %.0f s (once; then every 10 minutes what settled since)"
                .formatted(rolledUp, (System.nanoTime() - start) / 1e9));
        if (postgres) {
            // the first roll-up marks a million rows: autovacuum's work after it, done before measuring, not during
            // (2 December's run measured the month while autovacuum went through them: p50 299 / p95 710 ms)
            jdbc.execute("VACUUM ANALYZE complaint");
        }
        Stats.repeat(3, () -> kpis.of(KpiQuery.month(october)));
        Stats stats = Stats.repeat(scale.queryRuns(), () -> kpis.of(KpiQuery.month(october)));
        results.add(db, "KPI report at %,d closed (%,d in the month), rolled up but one in twenty of the month still open: every KPI (on-time rates, averages and p90, first-contact, reopen, breaches, compensation, CSAT, NPS) by type and priority"
                        .formatted(scale.closed(), counted),
                "p50 %.0f / p95 %.0f ms".formatted(stats.percentileMs(50), stats.percentileMs(95)), "p95 ≤ 150 ms", null);
        KpiQuery byDay = new KpiQuery(october.atDay(1), october.atEndOfMonth(), KpiQuery.Period.DAY,
                List.of(KpiQuery.Dimension.CATEGORY), Map.of());
        Stats.repeat(3, () -> kpis.of(byDay));
        Stats daily = Stats.repeat(scale.queryRuns(), () -> kpis.of(byDay));
        results.add(db, "KPI report, the same month by day and category (31 periods), the same roll-up",
                "p50 %.0f / p95 %.0f ms".formatted(daily.percentileMs(50), daily.percentileMs(95)), "p95 ≤ 150 ms", null);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
