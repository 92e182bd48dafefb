package io.complaintflow.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the SLA columns of the complaint table. */
@Repository
public class SlaRecords {
    private final JdbcTemplate jdbc;

    public SlaRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SlaRecord get(long complaintId) {
        return jdbc.queryForObject("SELECT * FROM complaint WHERE id = ?", SlaRecords::map, complaintId);
    }

    public void start(long id, Deadlines d, String decisionId, int decisionVersion) {
        jdbc.update("UPDATE complaint SET first_response_due = ?, first_response_warn_at = ?, response_hand_over_at = ?, "
                        + "resolution_due = ?, resolution_warn_at = ?, sla_calendar = ?, escalation_chain = ?, "
                        + "sla_decision_id = ?, sla_decision_version = ? WHERE id = ?",
                d.responseDue(), d.responseWarnAt(), d.responseHandOverAt(), d.resolutionDue(), d.resolutionWarnAt(),
                d.calendar(), d.escalationChain(), decisionId, decisionVersion, id);
    }

    public void setResolutionDeadline(long id, OffsetDateTime due, OffsetDateTime warnAt, String calendar) {
        jdbc.update("UPDATE complaint SET resolution_due = ?, resolution_warn_at = ?, sla_calendar = ?, "
                + "resolution_paused_at = NULL, resolution_remaining_seconds = NULL, "
                + "resolution_warn_remaining_seconds = NULL WHERE id = ?", due, warnAt, calendar, id);
    }

    public void pauseResolution(long id, OffsetDateTime at, Duration remaining, Duration warnRemaining) {
        jdbc.update("UPDATE complaint SET resolution_paused_at = ?, resolution_remaining_seconds = ?, "
                + "resolution_warn_remaining_seconds = ? WHERE id = ?",
                at, remaining.toSeconds(), warnRemaining.toSeconds(), id);
    }

    /** Records the first time a clock ran out; later breaches of the same clock keep that moment. */
    public void recordBreach(long id, SlaClock clock, OffsetDateTime at) {
        String column = clock == SlaClock.RESPONSE ? "first_response_breached_at" : "resolution_breached_at";
        jdbc.update("UPDATE complaint SET sla_breached = TRUE, " + column + " = COALESCE(" + column + ", ?) WHERE id = ?",
                at, id);
    }

    private static SlaRecord map(ResultSet rs, int row) throws SQLException {
        return new SlaRecord(
                rs.getLong("id"), rs.getString("type"), rs.getString("priority"), rs.getString("segment"),
                rs.getString("tier"), rs.getString("sla_decision_id"),
                rs.getObject("sla_decision_version", Integer.class), rs.getString("sla_calendar"),
                rs.getString("escalation_chain"), rs.getInt("escalation_level"), rs.getInt("escalation_count"),
                rs.getInt("reopen_count"),
                time(rs, "received_at"), time(rs, "first_response_due"), time(rs, "first_response_warn_at"),
                time(rs, "response_hand_over_at"), time(rs, "first_response_breached_at"), time(rs, "first_response_at"),
                time(rs, "resolution_due"), time(rs, "resolution_warn_at"), time(rs, "resolution_breached_at"),
                time(rs, "resolution_paused_at"), seconds(rs, "resolution_remaining_seconds"),
                seconds(rs, "resolution_warn_remaining_seconds"), time(rs, "implemented_at"), time(rs, "closed_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        Long value = rs.getObject(column, Long.class);
        return value == null ? null : Duration.ofSeconds(value);
    }
}
