package io.complaintflow.reporting;

import io.complaintflow.engine.Databases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import io.complaintflow.complaint.EventKind;
import org.springframework.stereotype.Component;

/**
 * The KPI tallies of the complaints not rolled up yet, as they stand, per day (of the office's zone) and group of all
 * six dimensions, read from our own tables (complaint, survey_response), never Camunda's history. A report adds
 * them to the roll-up; the roll-up reads its settled complaints this way (with {@code settled}: only those, with
 * their ids).
 */
@Component
class KpiFacts {
    /** A day and its complaints' six dimensions, in {@link KpiQuery.Dimension} order (a value may be null). */
    record Key(LocalDate day, List<String> dimensions) {
    }

    /** Received from the first day to the last, both included. */
    record Days(LocalDate first, LocalDate last) {
    }

    private static final List<KpiQuery.Dimension> DIMENSIONS = List.of(KpiQuery.Dimension.values());
    private static final String COLUMNS = DIMENSIONS.stream().map(d -> "c." + d.column()).collect(Collectors.joining(", "));

    // %1$s, %2$s: milliseconds from received to the first response and to the resolution (see millisBetween);
    // %3$s: the filters; %4$s: the six dimension columns. A first response counts once it came or is overdue, a
    // resolution likewise.
    private static final String COMPLAINTS = """
            SELECT c.received_at, %4$s, c.id, %1$s AS response_ms, %2$s AS resolution_ms,
              CASE WHEN first_response_at IS NOT NULL OR first_response_due < ? THEN 1 ELSE 0 END AS response_counted,
              CASE WHEN first_response_at <= first_response_due THEN 1 ELSE 0 END AS response_on_time,
              CASE WHEN resolved_at IS NOT NULL OR resolution_due < ? THEN 1 ELSE 0 END AS resolution_counted,
              CASE WHEN resolved_at <= resolution_due THEN 1 ELSE 0 END AS resolution_on_time,
              CASE WHEN resolved_at IS NOT NULL AND escalation_count = 0 AND reopen_count = 0 THEN 1 ELSE 0 END AS first_contact,
              CASE WHEN resolved_at IS NOT NULL AND reopen_count > 0 THEN 1 ELSE 0 END AS reopened,
              CASE WHEN sla_breached THEN 1 ELSE 0 END AS breached, escalation_count,
              CASE WHEN compensation_status = 'ISSUED' THEN compensation_amount END AS compensation
            FROM complaint c
            WHERE c.kpi_rolled_up_at IS NULL AND c.received_at >= ? AND c.received_at < ? AND c.type IS NOT NULL%3$s""";

    private static final String SURVEYS = """
            SELECT c.received_at, %2$s, s.satisfaction, s.nps
            FROM survey_response s JOIN complaint c ON c.id = s.complaint_id
            WHERE c.kpi_rolled_up_at IS NULL AND c.received_at >= ? AND c.received_at < ? AND c.type IS NOT NULL%1$s""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final boolean postgres;

    KpiFacts(DataSource dataSource, io.complaintflow.sla.BusinessHoursProperties office) {
        this.jdbc = new JdbcTemplate(dataSource);
        // a month read live is ~100,000 rows: PostgreSQL sends them in batches inside the report's transaction
        this.jdbc.setFetchSize(5_000);
        this.zone = office.getZone();
        this.postgres = Databases.isPostgres(dataSource);
    }

    ZoneId zone() {
        return zone;
    }

    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * Settled: every figure of the complaint is final. It is closed (no survey, link or reopening after the close),
     * no customer mail of it waits to go out (each was sent or withdrawn; the thanks for praise is its first response
     * when it is sent, which may be after the close), and each first response and resolution came or is past its due
     * time (until then it could still turn "counted"). Two parameters: now, now.
     */
    static final String SETTLED = " AND c.status = 'CLOSED'"
            + " AND (c.first_response_at IS NOT NULL OR c.first_response_due IS NULL OR c.first_response_due < ?)"
            + " AND (c.resolved_at IS NOT NULL OR c.resolution_due IS NULL OR c.resolution_due < ?)"
            // one pass over the complaint's mail events: each queued mail counts +1, each sent or withdrawn one -1
            + " AND (SELECT COALESCE(SUM(CASE WHEN e.kind = '" + EventKind.MAIL_QUEUED + "' THEN 1 ELSE -1 END), 0)"
            + " FROM complaint_event e WHERE e.complaint_id = c.id"
            + " AND e.kind IN ('" + EventKind.MAIL_QUEUED + "', '" + EventKind.MAIL_SENT + "', '" + EventKind.MAIL_WITHDRAWN + "')"
            // a new link a customer asked for tells no figure: it never holds a complaint back
            + " AND e.detail <> '" + EventKind.PORTAL_LINK_MAIL + "') <= 0";

    /** The first day, from {@code from} on, that holds a settled complaint not rolled up (with a type or without). */
    java.util.Optional<LocalDate> firstSettledDay(LocalDate from, Instant now) {
        Timestamp first = jdbc.queryForObject("SELECT MIN(c.received_at) FROM complaint c WHERE c.kpi_rolled_up_at IS NULL "
                + "AND c.received_at >= ?" + SETTLED, Timestamp.class, Timestamp.from(start(from)), Timestamp.from(now), Timestamp.from(now));
        return java.util.Optional.ofNullable(first).map(at -> LocalDate.ofInstant(at.toInstant(), zone));
    }

    /** The tallies of the complaints not rolled up, received on those days with those dimension values, as of {@code now}. */
    Map<Key, KpiTally> of(Days days, Map<KpiQuery.Dimension, String> filters, Instant now) {
        return read(days, filters, now, false, id -> { });
    }

    /** The tallies of the settled complaints not rolled up, received on those days; each one's id to {@code ids}. */
    Map<Key, KpiTally> settled(Days days, Instant now, java.util.function.LongConsumer ids) {
        return read(days, Map.of(), now, true, ids);
    }

    private Map<Key, KpiTally> read(Days days, Map<KpiQuery.Dimension, String> filters, Instant now, boolean settled,
                                    java.util.function.LongConsumer ids) {
        Map<Key, KpiTally> tallies = new HashMap<>();
        String where = filters.keySet().stream().sorted().map(d -> " AND c." + d.column() + " = ?").collect(Collectors.joining())
                + (settled ? SETTLED : "");
        List<Object> range = new ArrayList<>(List.of(Timestamp.from(start(days.first())), Timestamp.from(start(days.last().plusDays(1)))));
        filters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> range.add(f.getValue()));
        if (settled) {
            range.addAll(List.of(Timestamp.from(now), Timestamp.from(now)));
        }
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
        args.addAll(range);
        jdbc.query(COMPLAINTS.formatted(millisBetween("first_response_at"), millisBetween("resolved_at"), where, COLUMNS),
                (RowCallbackHandler) rs -> {
                    addComplaint(tallies.computeIfAbsent(key(rs), k -> new KpiTally()), rs);
                    ids.accept(rs.getLong("id"));
                }, args.toArray());
        jdbc.query(SURVEYS.formatted(where, COLUMNS), (RowCallbackHandler) rs -> addSurvey(tallies.computeIfAbsent(key(rs), k -> new KpiTally()), rs),
                range.toArray());
        return tallies;
    }

    /** Milliseconds from received_at: PostgreSQL's date_part is double precision (EXTRACT is numeric, ten times slower). */
    private String millisBetween(String column) {
        return postgres ? "CAST(ROUND(date_part('epoch', " + column + " - c.received_at) * 1000) AS BIGINT)"
                : "CAST(ROUND((EXTRACT(EPOCH FROM " + column + ") - EXTRACT(EPOCH FROM c.received_at)) * 1000) AS BIGINT)";
    }

    private Key key(ResultSet rs) throws SQLException {
        String[] dimensions = new String[DIMENSIONS.size()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = rs.getString(i + 2);
        }
        return new Key(LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), zone), Arrays.asList(dimensions));
    }

    private static void addComplaint(KpiTally tally, ResultSet rs) throws SQLException {
        tally.received++;
        long responseMillis = rs.getLong("response_ms");
        if (!rs.wasNull()) {
            tally.responseMillis.add(responseMillis);
        }
        long resolutionMillis = rs.getLong("resolution_ms");
        if (!rs.wasNull()) {
            tally.resolutionMillis.add(resolutionMillis);
        }
        tally.responseCounted += rs.getInt("response_counted");
        tally.responseOnTime += rs.getInt("response_on_time");
        tally.resolutionCounted += rs.getInt("resolution_counted");
        tally.resolutionOnTime += rs.getInt("resolution_on_time");
        tally.firstContact += rs.getInt("first_contact");
        tally.reopened += rs.getInt("reopened");
        tally.breaches += rs.getInt("breached");
        tally.escalations += rs.getInt("escalation_count");
        java.math.BigDecimal compensation = rs.getBigDecimal("compensation");
        if (compensation != null) {
            tally.compensation = tally.compensation.add(compensation);
        }
    }

    // CSAT: satisfaction 1–5 on 0–100; satisfied: 4 or 5; NPS: promoters 9–10 less detractors 0–6
    private static void addSurvey(KpiTally tally, ResultSet rs) throws SQLException {
        int satisfaction = rs.getInt("satisfaction");
        tally.surveyAnswers++;
        tally.satisfactionPoints += satisfaction - 1;
        tally.satisfied += satisfaction >= 4 ? 1 : 0;
        int nps = rs.getInt("nps");
        if (!rs.wasNull()) {
            tally.npsAnswers++;
            tally.promoters += nps >= 9 ? 1 : 0;
            tally.detractors += nps <= 6 ? 1 : 0;
        }
    }
}
