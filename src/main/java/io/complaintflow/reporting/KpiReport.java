package io.complaintflow.reporting;

import io.complaintflow.engine.EngineClock;
import io.complaintflow.sla.BusinessHoursProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response and resolution KPIs the managers read (DOMAIN.md), for the complaints received in one calendar
 * month of the office's time zone, by type and priority. Read from our complaint table (indexed by received_at),
 * never from Camunda's history.
 */
@Component
public class KpiReport {
    /** One type and priority; rates and averages are null where no complaint counts towards them. */
    public record Row(String type, String priority, long received, long responseCounted, BigDecimal onTimeResponseRate,
                      BigDecimal averageResponseMinutes, long resolved, BigDecimal averageResolutionMinutes) {
    }

    public record Month(String month, String zone, List<Row> rows) {
    }

    // A response counts as on time if it came by its due time; as late if it came later or is still missing
    // after the due time. Complaints whose response is not yet due do not count.
    private static final String SQL = """
            SELECT type, priority, COUNT(*) AS received,
              COUNT(CASE WHEN first_response_at IS NOT NULL OR first_response_due < ? THEN 1 END) AS response_counted,
              AVG(CASE WHEN first_response_at IS NOT NULL AND first_response_at <= first_response_due THEN 1.0
                       WHEN first_response_at IS NOT NULL OR first_response_due < ? THEN 0.0 END) AS on_time,
              AVG((EXTRACT(EPOCH FROM first_response_at) - EXTRACT(EPOCH FROM received_at)) / 60.0) AS response_minutes,
              COUNT(resolved_at) AS resolved,
              AVG((EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM received_at)) / 60.0) AS resolution_minutes
            FROM complaint
            WHERE received_at >= ? AND received_at < ? AND type IS NOT NULL
            GROUP BY type, priority
            ORDER BY type, priority""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public KpiReport(JdbcTemplate jdbc, BusinessHoursProperties office) {
        this.jdbc = jdbc;
        this.zone = office.getZone();
    }

    @Transactional(readOnly = true)
    public Month of(YearMonth month) {
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<Row> rows = jdbc.query(SQL, (rs, i) -> new Row(rs.getString("type"), rs.getString("priority"),
                rs.getLong("received"), rs.getLong("response_counted"), scaled(rs.getBigDecimal("on_time"), 4),
                scaled(rs.getBigDecimal("response_minutes"), 1), rs.getLong("resolved"),
                scaled(rs.getBigDecimal("resolution_minutes"), 1)), now, now, from, to);
        return new Month(month.toString(), zone.getId(), rows);
    }

    private static BigDecimal scaled(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
