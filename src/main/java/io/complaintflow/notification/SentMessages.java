package io.complaintflow.notification;

import io.complaintflow.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a mail go out once per key although the job that sends it may be retried: the key is logged in a
 * transaction of its own right after the send, so a later failure of the job's transaction cannot undo it.
 */
@Repository
public class SentMessages {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public SentMessages(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public boolean wasSent(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sent_message WHERE message_key = ?", Integer.class, key) > 0;
    }

    /**
     * Sends unless the key is logged already; {@code recordSent} (e.g. the timeline entry) is committed together
     * with the key. Returns whether it sent.
     */
    public boolean once(String key, long complaintId, Runnable send, Runnable recordSent) {
        if (wasSent(key)) {
            return false;
        }
        send.run();
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("INSERT INTO sent_message (message_key, complaint_id, sent_at) VALUES (?, ?, ?)",
                        key, complaintId, EngineClock.now());
                recordSent.run();
            } catch (DuplicateKeyException sentByAParallelAttempt) {
                status.setRollbackOnly();
            }
        });
        return true;
    }
}
