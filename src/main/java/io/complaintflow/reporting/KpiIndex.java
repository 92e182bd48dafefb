package io.complaintflow.reporting;

import io.complaintflow.engine.CodeMigration;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * V17: on PostgreSQL the KPI report and the spike watch read a month of complaints from one index alone (an
 * index-only scan): received_at with every column they read. It replaces the plain received_at index. H2 has no
 * INCLUDE and keeps the plain index. Figures in bench/README.md.
 */
@Component
public class KpiIndex extends CodeMigration {
    static final String COLUMNS = "type, priority, tier, channel, category, segment, first_response_due, first_response_at, "
            + "resolution_due, resolved_at, escalation_count, reopen_count, sla_breached, compensation_status, compensation_amount";

    public KpiIndex() {
        super("17", "covering index for the KPI report");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX complaint_kpi_idx ON complaint (received_at) INCLUDE (" + COLUMNS + ")");
            statement.execute("DROP INDEX complaint_received_idx");
        }
    }
}
