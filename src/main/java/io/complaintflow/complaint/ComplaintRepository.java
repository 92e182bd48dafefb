package io.complaintflow.complaint;

import io.complaintflow.engine.Databases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

@Repository
public class ComplaintRepository {
    private final JdbcTemplate jdbc;
    private final DataFieldMaxValueIncrementer ticketSequence;

    public ComplaintRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.ticketSequence = ticketSequenceFor(dataSource);
    }

    private static DataFieldMaxValueIncrementer ticketSequenceFor(DataSource dataSource) {
        return Databases.isPostgres(dataSource)
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "ticket_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "ticket_number_seq");
    }

    /** Stores a new complaint with the next ticket number, e.g. CF-2026-000123. */
    public Complaint create(NewComplaint c, String segment, OffsetDateTime receivedAt) {
        String ticketNumber = "CF-%d-%06d".formatted(receivedAt.getYear(), ticketSequence.nextLongValue());
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("ticket_number", ticketNumber);
        row.put("channel", c.channel());
        row.put("declared_type", c.declaredType());
        row.put("category", c.category());
        row.put("subject", c.subject());
        row.put("description", c.description());
        row.put("locale", c.locale());
        row.put("customer_name", c.customer().name());
        row.put("customer_email", c.customer().email());
        row.put("customer_phone", c.customer().phone());
        row.put("segment", segment);
        row.put("status", ComplaintStatus.RECEIVED.name());
        row.put("received_at", receivedAt);
        row.put("escalation_count", 0);
        row.put("reopen_count", 0);
        row.put("sla_breached", false);
        long id = insert(row);
        return get(id);
    }

    private long insert(java.util.Map<String, Object> row) {
        String sql = "INSERT INTO complaint (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")";
        var values = new java.util.ArrayList<>(row.values());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.size(); i++) {
                org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(statement, i + 1,
                        org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, values.get(i));
            }
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    public Complaint get(long id) {
        return jdbc.query("SELECT * FROM complaint WHERE id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new ComplaintNotFoundException("with id " + id));
    }

    public Optional<Complaint> findByTicketNumber(String ticketNumber) {
        return jdbc.query("SELECT * FROM complaint WHERE ticket_number = ?", MAPPER, ticketNumber).stream().findFirst();
    }

    /** Holds the complaint's row until the transaction ends, so that two requests about it take turns. */
    public void lockForUpdate(long id) {
        jdbc.query("SELECT id FROM complaint WHERE id = ? FOR UPDATE", (rs, i) -> rs.getLong(1), id);
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.update("UPDATE complaint SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    public void recordTriage(long id, String type, Priority priority, Tier tier) {
        jdbc.update("UPDATE complaint SET type = ?, priority = ?, tier = ? WHERE id = ?", type, priority.key(), tier.name(), id);
    }

    /** Sets a milestone's timestamp unless it happened already. */
    public void reachMilestone(long id, Milestone milestone, OffsetDateTime at) {
        jdbc.update("UPDATE complaint SET " + milestone.column + " = ? WHERE id = ? AND " + milestone.column + " IS NULL",
                at, id);
    }

    /** Moves the status along an allowed transition only; anything else is refused and changes nothing. */
    public void updateStatus(long id, ComplaintStatus status) {
        guarded(id, status, "status = ?", status.name());
    }

    public void close(long id, String outcome, OffsetDateTime at) {
        guarded(id, ComplaintStatus.CLOSED, "status = ?, outcome = ?, closed_at = ?", ComplaintStatus.CLOSED.name(), outcome, at);
    }

    private void guarded(long id, ComplaintStatus target, String assignments, Object... values) {
        String from = target.reachableFrom().stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        Object[] arguments = java.util.Arrays.copyOf(values, values.length + 1);
        arguments[values.length] = id;
        if (from.isEmpty() || jdbc.update("UPDATE complaint SET " + assignments + " WHERE id = ? AND status IN (" + from + ")",
                arguments) == 0) {
            throw new ComplaintStatus.TransitionRefused(id, target);
        }
    }

    public void markDuplicate(long id, String originalTicketNumber) {
        jdbc.update("UPDATE complaint SET duplicate_of = ? WHERE id = ?", originalTicketNumber, id);
    }

    public void recordSolution(long id, String solution, String rootCause) {
        jdbc.update("UPDATE complaint SET solution = ?, root_cause = ? WHERE id = ?", solution, rootCause, id);
    }

    /** Hands the case to another tier; {@code level} counts the tiers it has moved up so far. */
    public void escalate(long id, String tier, int level) {
        jdbc.update("UPDATE complaint SET tier = ?, escalation_level = ?, escalation_count = escalation_count + 1 WHERE id = ?",
                tier, level, id);
    }

    public void reopen(long id, String tier, int level) {
        guarded(id, ComplaintStatus.REOPENED, "tier = ?, escalation_level = ?, status = ?, reopen_count = reopen_count + 1, "
                + "resolved_at = NULL, implemented_at = NULL", tier, level, ComplaintStatus.REOPENED.name());
    }

    public void recordCompensation(long id, String kind, java.math.BigDecimal amount, String status) {
        jdbc.update("UPDATE complaint SET compensation_kind = ?, compensation_amount = ?, compensation_status = ? WHERE id = ?",
                kind, amount, status, id);
    }

    private static final RowMapper<Complaint> MAPPER = ComplaintRepository::map;

    private static Complaint map(ResultSet rs, int row) throws SQLException {
        return new Complaint(
                rs.getLong("id"),
                rs.getString("ticket_number"),
                rs.getString("channel"),
                rs.getString("declared_type"),
                rs.getString("type"),
                rs.getString("category"),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getString("locale"),
                new Complaint.Customer(rs.getString("customer_name"), rs.getString("customer_email"),
                        rs.getString("customer_phone"), rs.getString("segment")),
                rs.getString("priority"),
                rs.getString("tier"),
                rs.getString("status"),
                rs.getString("outcome"),
                rs.getString("duplicate_of"),
                (Integer) rs.getObject("sla_decision_version", Integer.class),
                rs.getInt("escalation_count"),
                rs.getInt("reopen_count"),
                rs.getBoolean("sla_breached"),
                rs.getString("solution"),
                rs.getString("root_cause"),
                rs.getString("compensation_kind"),
                rs.getBigDecimal("compensation_amount"),
                rs.getString("compensation_status"),
                new Complaint.Milestones(
                        time(rs, "received_at"), time(rs, "first_response_due"), time(rs, "resolution_due"),
                        time(rs, "first_response_at"), time(rs, "confirmed_at"), time(rs, "solution_decided_at"),
                        time(rs, "implemented_at"), time(rs, "resolved_at"), time(rs, "closed_at")));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
