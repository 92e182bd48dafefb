package io.complaintflow.reporting;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.sla.BusinessHoursProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs the managers read (DOMAIN.md; each defined in README "KPI report"), over the complaints received in a
 * range of days of the office's time zone, per period and group. Two grouped queries over our own tables (complaint,
 * indexed by received_at; survey_response), never Camunda's history.
 */
@Component
public class KpiReport {
    /** The figures of one period and group; a rate or average is null where nothing counts towards it. */
    public record Figures(long received, BigDecimal shareOfVolume,
                          long responseCounted, BigDecimal onTimeResponseRate, BigDecimal averageResponseMinutes,
                          BigDecimal p90ResponseMinutes,
                          long resolutionCounted, BigDecimal onTimeResolutionRate, long resolved,
                          BigDecimal averageResolutionMinutes, BigDecimal p90ResolutionMinutes,
                          BigDecimal firstContactResolutionRate, BigDecimal reopenRate, long breaches, long escalations,
                          BigDecimal compensationCost,
                          long surveyAnswers, BigDecimal csat, BigDecimal satisfiedShare, long npsAnswers, BigDecimal nps) {
    }

    /** {@code period}: the first day of the row's period; the group's values under their dimension's name. */
    public record Row(LocalDate period, @JsonIgnore Map<String, String> group, @JsonUnwrapped Figures figures) {
        @JsonAnyGetter
        public Map<String, String> groupValues() {
            return group;
        }
    }

    public record Report(LocalDate from, LocalDate to, String zone, KpiQuery.Period period, List<String> groupBy, List<Row> rows) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Minutes minutes;

    public KpiReport(JdbcTemplate jdbc, BusinessHoursProperties office) {
        this.jdbc = jdbc;
        this.zone = office.getZone();
        this.minutes = Minutes.of(jdbc);
    }

    /**
     * Minutes between two timestamps in the database's fastest arithmetic: PostgreSQL's EXTRACT gives numeric, ten
     * times slower to sum and sort than date_part's double precision (bench/README.md). (H2's DATEDIFF would ignore
     * the offsets of timestamps with time zone.)
     */
    private record Minutes(boolean postgres) {
        static Minutes of(JdbcTemplate jdbc) {
            return new Minutes(Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"))));
        }

        String between(String from, String to) {
            return postgres ? "date_part('epoch', " + to + " - " + from + ") / 60"
                    : "(EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + ")) / 60.0";
        }
    }

    @Transactional(readOnly = true)
    public Report of(KpiQuery query) {
        if (minutes.postgres()) {
            // the percentiles sort a month's complaints: in memory, not on disk (this transaction only)
            jdbc.execute("SET LOCAL work_mem = '32MB'");
        }
        List<LocalDate> periods = query.periodStarts();
        Scope scope = new Scope(query, periods);
        Map<String, SurveyFigures> surveys = new HashMap<>();
        jdbc.query(scope.sql(SURVEYS, "c."), rs -> {
            surveys.put(scope.key(rs), new SurveyFigures(rs.getLong("answers"), rs.getBigDecimal("csat"),
                    rs.getLong("satisfied"), rs.getLong("nps_answers"), rs.getLong("promoters"), rs.getLong("detractors")));
        }, scope.args(false));
        List<Row> rows = jdbc.query(scope.sql(COMPLAINTS, ""), (rs, i) -> row(rs, scope, surveys), scope.args(true));
        Map<LocalDate, Long> perPeriod = rows.stream().collect(Collectors.groupingBy(Row::period,
                Collectors.summingLong(r -> r.figures().received())));
        return new Report(query.from(), query.to(), zone.getId(), query.period(),
                query.groupBy().stream().map(KpiQuery.Dimension::key).toList(),
                rows.stream().map(r -> withShare(r, perPeriod.get(r.period()))).toList());
    }

    private Row row(ResultSet rs, Scope scope, Map<String, SurveyFigures> surveys) throws SQLException {
        long received = rs.getLong("received");
        long responseCounted = rs.getLong("response_counted");
        long resolutionCounted = rs.getLong("resolution_counted");
        long resolved = rs.getLong("resolved");
        SurveyFigures survey = surveys.getOrDefault(scope.key(rs), SurveyFigures.NONE);
        Figures figures = new Figures(received, null,
                responseCounted, rate(rs.getLong("response_on_time"), responseCounted), scaled(rs.getBigDecimal("response_avg"), 1),
                scaled(rs.getBigDecimal("response_p90"), 1),
                resolutionCounted, rate(rs.getLong("resolution_on_time"), resolutionCounted), resolved,
                scaled(rs.getBigDecimal("resolution_avg"), 1), scaled(rs.getBigDecimal("resolution_p90"), 1),
                rate(rs.getLong("first_contact"), resolved), rate(rs.getLong("reopened"), resolved), rs.getLong("breaches"),
                rs.getLong("escalations"), rs.getBigDecimal("compensation").setScale(2, RoundingMode.HALF_UP),
                survey.answers(), scaled(survey.csat(), 1), rate(survey.satisfied(), survey.answers()), survey.npsAnswers(),
                survey.npsAnswers() == 0 ? null : BigDecimal.valueOf(100 * (survey.promoters() - survey.detractors()))
                        .divide(BigDecimal.valueOf(survey.npsAnswers()), 1, RoundingMode.HALF_UP));
        return new Row(scope.period(rs), scope.group(rs), figures);
    }

    private static Row withShare(Row row, long periodTotal) {
        Figures f = row.figures();
        return new Row(row.period(), row.group(), new Figures(f.received(), rate(f.received(), periodTotal),
                f.responseCounted(), f.onTimeResponseRate(), f.averageResponseMinutes(), f.p90ResponseMinutes(),
                f.resolutionCounted(), f.onTimeResolutionRate(), f.resolved(), f.averageResolutionMinutes(),
                f.p90ResolutionMinutes(), f.firstContactResolutionRate(), f.reopenRate(), f.breaches(), f.escalations(),
                f.compensationCost(), f.surveyAnswers(), f.csat(), f.satisfiedShare(), f.npsAnswers(), f.nps()));
    }

    private record SurveyFigures(long answers, BigDecimal csat, long satisfied, long npsAnswers, long promoters, long detractors) {
        static final SurveyFigures NONE = new SurveyFigures(0, null, 0, 0, 0, 0);
    }

    // %1$s: the period and group columns; %2$s: the inner query's period and group columns; %3$s: its filters;
    // %4$s, %5$s: minutes from received to the first response and to the resolution (see Minutes).
    // A first response counts once it came or is overdue, a resolution likewise.
    private static final String COMPLAINTS = """
            SELECT %1$s, COUNT(*) AS received,
              SUM(response_counted) AS response_counted, SUM(response_on_time) AS response_on_time,
              AVG(response_minutes) AS response_avg,
              PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY response_minutes) AS response_p90,
              SUM(resolution_counted) AS resolution_counted, SUM(resolution_on_time) AS resolution_on_time,
              COUNT(resolution_minutes) AS resolved, AVG(resolution_minutes) AS resolution_avg,
              PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY resolution_minutes) AS resolution_p90,
              SUM(first_contact) AS first_contact, SUM(reopened) AS reopened, SUM(breached) AS breaches,
              COALESCE(SUM(escalation_count), 0) AS escalations, COALESCE(SUM(compensation), 0) AS compensation
            FROM (SELECT %2$s,
                    CASE WHEN first_response_at IS NOT NULL OR first_response_due < ? THEN 1 ELSE 0 END AS response_counted,
                    CASE WHEN first_response_at <= first_response_due THEN 1 ELSE 0 END AS response_on_time,
                    %4$s AS response_minutes,
                    CASE WHEN resolved_at IS NOT NULL OR resolution_due < ? THEN 1 ELSE 0 END AS resolution_counted,
                    CASE WHEN resolved_at <= resolution_due THEN 1 ELSE 0 END AS resolution_on_time,
                    %5$s AS resolution_minutes,
                    CASE WHEN resolved_at IS NOT NULL AND escalation_count = 0 AND reopen_count = 0 THEN 1 ELSE 0 END AS first_contact,
                    CASE WHEN resolved_at IS NOT NULL AND reopen_count > 0 THEN 1 ELSE 0 END AS reopened,
                    CASE WHEN sla_breached THEN 1 ELSE 0 END AS breached, escalation_count,
                    CASE WHEN compensation_status = 'ISSUED' THEN compensation_amount END AS compensation
                  FROM complaint
                  WHERE received_at >= ? AND received_at < ? AND type IS NOT NULL%3$s) c
            GROUP BY %1$s
            ORDER BY %1$s""";

    // CSAT: satisfaction 1–5 on 0–100; satisfied: 4 or 5; NPS: promoters 9–10 less detractors 0–6
    private static final String SURVEYS = """
            SELECT %1$s, COUNT(*) AS answers, AVG((satisfaction - 1) * 25.0) AS csat,
              SUM(CASE WHEN satisfaction >= 4 THEN 1 ELSE 0 END) AS satisfied, COUNT(nps) AS nps_answers,
              SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS promoters, SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS detractors
            FROM (SELECT %2$s, s.satisfaction, s.nps
                  FROM survey_response s JOIN complaint c ON c.id = s.complaint_id
                  WHERE c.received_at >= ? AND c.received_at < ? AND c.type IS NOT NULL%3$s) c
            GROUP BY %1$s""";

    /** The query's periods as SQL: a bucket number per complaint, from the periods' first instants. */
    private final class Scope {
        private final KpiQuery query;
        private final List<LocalDate> periods;

        Scope(KpiQuery query, List<LocalDate> periods) {
            this.query = query;
            this.periods = periods;
        }

        String sql(String template, String table) {
            StringBuilder bucket = new StringBuilder(periods.size() == 1 ? "0" : "CASE");
            for (int i = 1; i < periods.size(); i++) {
                bucket.append(" WHEN ").append(table).append("received_at < ? THEN ").append(i - 1);
            }
            bucket.append(periods.size() == 1 ? "" : " ELSE " + (periods.size() - 1) + " END").append(" AS bucket");
            String outer = "bucket" + query.groupBy().stream().map(d -> ", " + d.column()).collect(Collectors.joining());
            String inner = bucket + query.groupBy().stream().map(d -> ", " + table + d.column()).collect(Collectors.joining());
            String filters = query.filters().keySet().stream().sorted()
                    .map(d -> " AND " + table + d.column() + " = ?").collect(Collectors.joining());
            return template.formatted(outer, inner, filters, minutes.between("received_at", "first_response_at"),
                    minutes.between("received_at", "resolved_at"));
        }

        Object[] args(boolean withNow) {
            List<Object> args = new ArrayList<>();
            periods.stream().skip(1).forEach(start -> args.add(instant(start)));
            if (withNow) {
                Timestamp now = Timestamp.from(EngineClock.now().toInstant());
                args.add(now);
                args.add(now);
            }
            args.add(instant(query.from()));
            args.add(instant(query.to().plusDays(1)));
            query.filters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> args.add(f.getValue()));
            return args.toArray();
        }

        private Timestamp instant(LocalDate day) {
            return Timestamp.from(day.atStartOfDay(zone).toInstant());
        }

        LocalDate period(ResultSet rs) throws SQLException {
            return periods.get(rs.getInt("bucket"));
        }

        Map<String, String> group(ResultSet rs) throws SQLException {
            Map<String, String> group = new LinkedHashMap<>();
            for (KpiQuery.Dimension d : query.groupBy()) {
                group.put(d.key(), rs.getString(d.column()));
            }
            return group;
        }

        String key(ResultSet rs) throws SQLException {
            return period(rs) + "|" + group(rs).values();
        }
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
