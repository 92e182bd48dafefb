package io.complaintflow.notification;

import io.complaintflow.engine.EngineClock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The supervisors' alerts that wait for the next digest, and which digest told them. */
@Repository
public class SupervisorAlerts {
    public record Alert(long id, long complaintId, StaffNotice notice) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public SupervisorAlerts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Once per key (one per complaint and deadline), in the caller's transaction. */
    public void raise(String key, long complaintId, StaffNotice notice) {
        jdbc.update("INSERT INTO supervisor_alert (alert_key, complaint_id, notice, raised_at) SELECT ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM supervisor_alert WHERE alert_key = ?)",
                key, complaintId, notice.name(), EngineClock.now(), key);
    }

    public boolean anyWaiting() {
        return !jdbc.queryForList("SELECT id FROM supervisor_alert WHERE notified_at IS NULL FETCH FIRST 1 ROWS ONLY",
                Long.class).isEmpty();
    }

    /** Oldest first. */
    public List<Alert> waiting() {
        return jdbc.query("SELECT id, complaint_id, notice FROM supervisor_alert WHERE notified_at IS NULL ORDER BY id",
                (rs, i) -> new Alert(rs.getLong(1), rs.getLong(2), StaffNotice.valueOf(rs.getString(3))));
    }

    /**
     * Marks the alerts told, with {@code recordAll} (their timeline entries), in a transaction of its own right after
     * the mail went out: a later failure of the sending job cannot undo it, so a retry does not mail them again.
     */
    public void markNotified(List<Alert> alerts, Consumer<List<Alert>> recordAll) {
        OffsetDateTime now = EngineClock.now();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("UPDATE supervisor_alert SET notified_at = ? WHERE id = ? AND notified_at IS NULL",
                    alerts, 500, (ps, alert) -> {
                        ps.setObject(1, now);
                        ps.setLong(2, alert.id());
                    });
            recordAll.accept(alerts);
        });
    }
}
