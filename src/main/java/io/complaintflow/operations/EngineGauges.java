package io.complaintflow.operations;

import io.complaintflow.complaint.ComplaintStatus;
import io.complaintflow.engine.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the database says, the same on every node (alert on the max, not the sum): jobs due and the age of the
 * oldest (job executor lag: past a minute, SLA timers are no longer minute-precise), failed jobs, open incidents,
 * open complaints by tier and priority. Read every five seconds (the open complaints every thirty), so a scrape costs no query.
 */
@Component
public class EngineGauges implements SmartInitializingSingleton {
    /** Every status but CLOSED, listed so the query can use the status index. */
    static final String OPEN_STATUSES = Arrays.stream(ComplaintStatus.values()).filter(status -> status != ComplaintStatus.CLOSED)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));

    private final MeterRegistry registry;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final Set<List<String>> openGauges = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = new Snapshot(0, 0, 0, 0);
    private volatile Map<List<String>, Long> openByTierAndPriority = Map.of();

    record Snapshot(long jobsDue, double oldestDueSeconds, long jobsFailed, long incidents) {
    }

    public EngineGauges(MeterRegistry registry, RuntimeService runtime, JdbcTemplate jdbc) {
        this.registry = registry;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        gauge("complaintflow.jobs.due", "jobs due now and not yet executed", Snapshot::jobsDue);
        gauge("complaintflow.jobs.oldest.due.seconds", "how long the oldest due job has waited", Snapshot::oldestDueSeconds);
        gauge("complaintflow.jobs.failed", "jobs with no retries left", Snapshot::jobsFailed);
        gauge("complaintflow.incidents.open", "open incidents (Cockpit)", Snapshot::incidents);
        refresh();
    }

    /** Every figure now: at start-up, and before a scrape that must see the latest. */
    public void refresh() {
        refreshJobs();
        refreshOpenComplaints();
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    public void refreshJobs() {
        snapshot = read();
    }

    /**
     * Counting the open complaints reads each of them (0.4 s at 100,000 open on a busy database), so every 30 s.
     * A tier and priority seen for the first time get their gauge here, not during a scrape.
     */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public void refreshOpenComplaints() {
        openByTierAndPriority = openComplaints();
        openByTierAndPriority.keySet().forEach(this::openGauge);
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.snapshot)).description(description).register(registry);
    }

    private void openGauge(List<String> tierAndPriority) {
        if (openGauges.add(tierAndPriority)) {
            Gauge.builder("complaintflow.complaints.open", this,
                            gauges -> gauges.openByTierAndPriority.getOrDefault(tierAndPriority, 0L))
                    .description("complaints not closed yet")
                    .tags("tier", tierAndPriority.get(0), "priority", tierAndPriority.get(1))
                    .register(registry);
        }
    }

    /**
     * Jobs due, by the due-date index of migration V8 (Camunda's executable-job query joins every job to its process
     * instance and sorts them all: 225 ms a look, every five seconds on every node, with 10,000 breaches due; bench/README.md).
     * Every job has a due date (ensureJobDueDateNotNull); a suspended job is not due.
     */
    private Snapshot read() {
        Instant now = EngineClock.now().toInstant();
        record Due(long count, java.sql.Timestamp oldest) {
        }
        Due due = jdbc.queryForObject("SELECT COUNT(*), MIN(DUEDATE_) FROM ACT_RU_JOB "
                        + "WHERE DUEDATE_ <= ? AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1",
                (rs, row) -> new Due(rs.getLong(1), rs.getTimestamp(2)), java.sql.Timestamp.from(now));
        double oldestDue = due.oldest() == null ? 0 : Math.max(0, Duration.between(due.oldest().toInstant(), now).toMillis() / 1000.0);
        long failed = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0", Long.class);
        return new Snapshot(due.count(), oldestDue, failed, runtime.createIncidentQuery().count());
    }

    private Map<List<String>, Long> openComplaints() {
        Map<List<String>, Long> open = new HashMap<>();
        jdbc.query("SELECT COALESCE(tier, 'none'), COALESCE(priority, 'none'), COUNT(*) FROM complaint WHERE status IN ("
                + OPEN_STATUSES + ") GROUP BY tier, priority", row -> {
            open.put(List.of(row.getString(1), row.getString(2)), row.getLong(3));
        });
        return open;
    }
}
