package io.complaintflow.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.sla.BusinessHoursProperties;
import io.complaintflow.web.ApiErrors;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Cockpit dashboard shows for one month: the month's figures, the trend by day and by week, breaches by
 * tier, the top categories, and the complaints open now by age. Filters: type, priority, channel.
 */
@Component
public class KpiDashboard {
    static final int TOP_CATEGORIES = 8;
    private static volatile KpiDashboard instance;

    public record Dashboard(YearMonth month, String zone, KpiReport.Figures summary, List<KpiReport.Row> byDay,
                            List<KpiReport.Row> byWeek, List<KpiReport.Row> byTier, List<KpiReport.Row> byCategory,
                            Map<String, Long> openByAge) {
    }

    private final KpiReport kpis;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ZoneId zone;

    public KpiDashboard(KpiReport kpis, JdbcTemplate jdbc, ObjectMapper json, BusinessHoursProperties office) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.json = json;
        this.zone = office.getZone();
        instance = this;
    }

    /** The dashboard for Cockpit's plugin resource, which Jersey creates outside Spring. */
    static KpiDashboard instance() {
        if (instance == null) {
            throw new IllegalStateException("The KPI dashboard is not started yet");
        }
        return instance;
    }

    ObjectMapper json() {
        return json;
    }

    public Dashboard of(String month, String type, String priority, String channel) {
        YearMonth shown = month == null || month.isBlank() ? YearMonth.from(EngineClock.now().atZoneSameInstant(zone)) : KpiQuery.parseMonth(month);
        Map<KpiQuery.Dimension, String> filters = new EnumMap<>(KpiQuery.Dimension.class);
        filter(filters, KpiQuery.Dimension.TYPE, type);
        filter(filters, KpiQuery.Dimension.PRIORITY, priority);
        filter(filters, KpiQuery.Dimension.CHANNEL, channel);
        KpiQuery whole = new KpiQuery(shown.atDay(1), shown.atEndOfMonth(), KpiQuery.Period.WHOLE, List.of(), filters);
        List<KpiReport.Row> summary = kpis.of(whole).rows();
        return new Dashboard(shown, zone.getId(), summary.isEmpty() ? null : summary.get(0).figures(),
                kpis.of(with(whole, KpiQuery.Period.DAY, List.of())).rows(),
                kpis.of(with(whole, KpiQuery.Period.WEEK, List.of())).rows(),
                kpis.of(with(whole, KpiQuery.Period.WHOLE, List.of(KpiQuery.Dimension.TIER))).rows(),
                kpis.of(with(whole, KpiQuery.Period.WHOLE, List.of(KpiQuery.Dimension.CATEGORY))).rows().stream()
                        .sorted(Comparator.comparingLong((KpiReport.Row r) -> r.figures().received()).reversed())
                        .limit(TOP_CATEGORIES).toList(),
                openByAge(filters));
    }

    private static KpiQuery with(KpiQuery query, KpiQuery.Period period, List<KpiQuery.Dimension> groupBy) {
        return new KpiQuery(query.from(), query.to(), period, groupBy, query.filters());
    }

    /** Complaints not closed, by how long ago they came: under a day, one to three days, three to seven, more. */
    private Map<String, Long> openByAge(Map<KpiQuery.Dimension, String> filters) {
        OffsetDateTime now = EngineClock.now();
        StringBuilder where = new StringBuilder();
        List<Object> args = new java.util.ArrayList<>(List.of(now.minusDays(1), now.minusDays(3), now.minusDays(7)));
        filters.forEach((dimension, value) -> {
            where.append(" AND ").append(dimension.column()).append(" = ?");
            args.add(value);
        });
        Map<String, Long> ages = new LinkedHashMap<>();
        jdbc.query("SELECT SUM(CASE WHEN received_at > ? THEN 1 ELSE 0 END), SUM(CASE WHEN received_at > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN received_at > ? THEN 1 ELSE 0 END), COUNT(*) FROM complaint WHERE status <> 'CLOSED'" + where, rs -> {
                    long day = rs.getLong(1), threeDays = rs.getLong(2), week = rs.getLong(3), all = rs.getLong(4);
                    ages.put("underOneDay", day);
                    ages.put("oneToThreeDays", threeDays - day);
                    ages.put("threeToSevenDays", week - threeDays);
                    ages.put("overSevenDays", all - week);
                }, args.toArray());
        return ages;
    }

    private static void filter(Map<KpiQuery.Dimension, String> filters, KpiQuery.Dimension dimension, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > KpiQuery.MAX_FILTER) {
            throw ApiErrors.BadRequest.of(dimension.key(), "must be at most " + KpiQuery.MAX_FILTER + " characters");
        }
        filters.put(dimension, value.trim());
    }
}
