package io.complaintflow.reporting;

import io.complaintflow.engine.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up the KPI tallies of settled complaints (closed, every figure final: {@link KpiFacts#SETTLED}) per day and
 * group, so a report over past months adds up a few rows per day instead of reading every complaint again, and a
 * report of the current month reads one by one only the complaints not settled yet. Each complaint is rolled up
 * once, in the same transaction (repeatable read) as its day's rows; a run that finds one rolled up meanwhile leaves
 * that day to the next run. One node at a time rolls up (ShedLock).
 */
@Component
public class KpiRollup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KpiRollup.class);
    private static final String DIMENSIONS = Arrays.stream(KpiQuery.Dimension.values()).map(KpiQuery.Dimension::column)
            .collect(Collectors.joining(", "));
    private static final int IDS_PER_UPDATE = 1_000;

    private final JdbcTemplate jdbc;
    private final KpiFacts facts;
    private final TransactionTemplate oneSnapshot;
    private final int daysPerRun;

    public KpiRollup(JdbcTemplate jdbc, KpiFacts facts, PlatformTransactionManager transactions,
                     @Value("${complaintflow.reporting.roll-up-days-per-run:400}") int daysPerRun) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.oneSnapshot = new TransactionTemplate(transactions);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.daysPerRun = daysPerRun;
    }

    @Scheduled(initialDelayString = "${complaintflow.reporting.roll-up-every:PT10M}",
            fixedDelayString = "${complaintflow.reporting.roll-up-every:PT10M}")
    @SchedulerLock(name = "kpi-roll-up", lockAtMostFor = "PT30M")
    public void everyInterval() {
        rollUp();
    }

    /**
     * Rolls up the settled complaints not rolled up yet, day by day from the earliest day that has one (at most the
     * configured number of days); returns how many complaints it rolled up.
     */
    public long rollUp() {
        Instant now = EngineClock.now().toInstant();
        long rolled = 0;
        java.util.Optional<LocalDate> day = facts.firstSettledDay(LocalDate.of(1970, 1, 1), now);
        for (int days = 0; day.isPresent() && days < daysPerRun; days++) {
            LocalDate settled = day.get();
            try {
                rolled += oneSnapshot.execute(tx -> rollUp(settled, now));
            } catch (RuntimeException e) {
                // e.g. a serialization failure with another run: that day waits for the next run
                LOG.warn("KPI roll-up of {} left to the next run: {}", settled, e.toString());
                return rolled;
            }
            day = facts.firstSettledDay(settled.plusDays(1), now);
        }
        return rolled;
    }

    /** Each rolled-up tally of those days with those dimension values, to {@code tallies} as it is read. */
    void of(LocalDate from, LocalDate to, Map<KpiQuery.Dimension, String> filters, BiConsumer<KpiFacts.Key, KpiTally> tallies) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        String where = filters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .peek(f -> args.add(f.getValue())).map(f -> " AND " + f.getKey().column() + " = ?").collect(Collectors.joining());
        jdbc.query("SELECT * FROM kpi_day WHERE received_on >= ? AND received_on <= ?" + where,
                rs -> {
                    tallies.accept(key(rs), tally(rs));
                }, args.toArray());
    }

    private long rollUp(LocalDate day, Instant now) {
        List<Long> ids = new ArrayList<>();
        Map<KpiFacts.Key, KpiTally> settled = facts.settled(new KpiFacts.Days(day, day), now, ids::add);
        Timestamp at = Timestamp.from(now);
        // complaints closed before triage count in no KPI: marked, so no report reads them again
        jdbc.update("UPDATE complaint c SET kpi_rolled_up_at = ? WHERE c.kpi_rolled_up_at IS NULL AND c.type IS NULL "
                + "AND c.received_at >= ? AND c.received_at < ?" + KpiFacts.SETTLED, at, Timestamp.from(facts.start(day)),
                Timestamp.from(facts.start(day.plusDays(1))), at, at);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<KpiFacts.Key, KpiTally> rows = new HashMap<>();
        BiConsumer<KpiFacts.Key, KpiTally> merge = (key, tally) -> rows.computeIfAbsent(key, k -> new KpiTally()).add(tally);
        of(day, day, Map.of(), merge);
        settled.forEach(merge);
        jdbc.update("DELETE FROM kpi_day WHERE received_on = ?", day);
        List<Object[]> inserts = new ArrayList<>();
        rows.forEach((key, tally) -> {
            List<Object> row = new ArrayList<>();
            row.add(day);
            row.addAll(key.dimensions());
            KpiTally.COUNTERS.forEach(counter -> row.add(counter.read().applyAsLong(tally)));
            row.addAll(List.of(tally.compensation, tally.responseMillis.encode(), tally.resolutionMillis.encode()));
            inserts.add(row.toArray());
        });
        jdbc.batchUpdate("INSERT INTO kpi_day (received_on, " + DIMENSIONS + ", "
                + KpiTally.COUNTERS.stream().map(KpiTally.Counter::column).collect(Collectors.joining(", "))
                + ", compensation, response_millis, resolution_millis) VALUES (?" + ", ?".repeat(KpiQuery.Dimension.values().length + KpiTally.COUNTERS.size() + 3) + ")", inserts);
        // exactly the complaints read: one that settled meanwhile waits for the next run
        int marked = 0;
        for (int i = 0; i < ids.size(); i += IDS_PER_UPDATE) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_UPDATE));
            List<Object> args = new ArrayList<>(List.of(at));
            args.addAll(chunk);
            marked += jdbc.update("UPDATE complaint SET kpi_rolled_up_at = ? WHERE kpi_rolled_up_at IS NULL AND id IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?)", args.toArray());
        }
        if (marked != ids.size()) {
            throw new IllegalStateException(ids.size() - marked + " complaints of " + day + " were rolled up meanwhile");
        }
        return ids.size();
    }

    private static KpiFacts.Key key(ResultSet rs) throws SQLException {
        List<String> dimensions = new ArrayList<>();
        for (KpiQuery.Dimension d : KpiQuery.Dimension.values()) {
            dimensions.add(rs.getString(d.column()));
        }
        return new KpiFacts.Key(rs.getObject("received_on", LocalDate.class), dimensions);
    }

    private static KpiTally tally(ResultSet rs) throws SQLException {
        KpiTally tally = new KpiTally();
        for (KpiTally.Counter counter : KpiTally.COUNTERS) {
            counter.write().accept(tally, rs.getLong(counter.column()));
        }
        tally.compensation = rs.getBigDecimal("compensation");
        tally.responseMillis.addAll(Millis.decode(rs.getBytes("response_millis")));
        tally.resolutionMillis.addAll(Millis.decode(rs.getBytes("resolution_millis")));
        return tally;
    }
}
