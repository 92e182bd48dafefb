package io.complaintflow.operations;

import io.complaintflow.complaint.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the database says, the same on every node (alert on the max, not the sum): jobs due and the age of the
 * oldest (job executor lag: past a minute, SLA timers are no longer minute-precise), failed jobs, open incidents,
 * open complaints by tier and priority. Read at most every {@link #FRESH_FOR} however often Prometheus scrapes.
 */
@Component
public class EngineGauges implements SmartInitializingSingleton {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final String OPEN_STATUSES = "'RECEIVED', 'WAITING_FOR_CUSTOMER', 'IN_PROGRESS', 'RESOLVED', 'REOPENED'";

    private final MeterRegistry registry;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private Snapshot snapshot;
    private final java.util.Set<List<String>> openGauges = java.util.concurrent.ConcurrentHashMap.newKeySet();

    record Snapshot(Instant readAt, long jobsDue, double oldestDueSeconds, long jobsFailed, long incidents,
                    Map<List<String>, Long> openByTierAndPriority) {
    }

    public EngineGauges(MeterRegistry registry, ManagementService management, RuntimeService runtime, JdbcTemplate jdbc) {
        this.registry = registry;
        this.management = management;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        gauge("complaintflow.jobs.due", "jobs due now and not yet executed", s -> s.jobsDue());
        gauge("complaintflow.jobs.oldest.due.seconds", "how long the oldest due job has waited", Snapshot::oldestDueSeconds);
        gauge("complaintflow.jobs.failed", "jobs with no retries left", s -> s.jobsFailed());
        gauge("complaintflow.incidents.open", "open incidents (Cockpit)", s -> s.incidents());
        read().openByTierAndPriority().keySet().forEach(this::openGauge);
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.read())).description(description).register(registry);
    }

    private void openGauge(List<String> tierAndPriority) {
        if (!openGauges.add(tierAndPriority)) {
            return;
        }
        Gauge.builder("complaintflow.complaints.open", this,
                        gauges -> gauges.read().openByTierAndPriority().getOrDefault(tierAndPriority, 0L))
                .description("complaints not closed yet")
                .tags("tier", tierAndPriority.get(0), "priority", tierAndPriority.get(1))
                .register(registry);
    }

    /** A tier and priority seen for the first time gets its gauge (not during a scrape: that reads the registry). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void registerNewCombinations() {
        read().openByTierAndPriority().keySet().forEach(this::openGauge);
    }

    synchronized Snapshot read() {
        Instant now = Instant.now();
        if (snapshot != null && snapshot.readAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot;
        }
        Instant engineNow = EngineClock.now().toInstant();
        List<Job> oldest = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        double oldestDue = oldest.isEmpty() || oldest.get(0).getDuedate() == null ? 0
                : Math.max(0, Duration.between(oldest.get(0).getDuedate().toInstant(), engineNow).toMillis() / 1000.0);
        snapshot = new Snapshot(now, management.createJobQuery().executable().count(), oldestDue,
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count(), openComplaints());
        return snapshot;
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
