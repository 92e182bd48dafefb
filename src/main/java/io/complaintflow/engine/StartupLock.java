package io.complaintflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time goes from building the process engine to ready: the engine's first deployment, Camunda's
 * first administrator and our groups, grants and Tasklist queues are each checked and then created, which two
 * nodes starting together would both do. On PostgreSQL a session advisory lock, held from before the engine is
 * built until the node is ready (or fails); a node killed meanwhile frees it with its connection. H2 serves one
 * node only and needs none.
 */
@Component
public class StartupLock implements DisposableBean {
    /** An arbitrary advisory-lock key of ComplaintFlow's own. */
    static final long KEY = 0x436f6d706c61696eL;

    private Connection holder;

    public StartupLock(DataSource dataSource) throws SQLException {
        if (!Databases.isPostgres(dataSource)) {
            return;
        }
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        holder = connection;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void release() throws SQLException {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } finally {
            holder = null;
        }
    }

    @Override
    public void destroy() throws SQLException {
        release();
    }
}
