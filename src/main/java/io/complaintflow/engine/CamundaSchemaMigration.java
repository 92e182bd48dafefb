package io.complaintflow.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda's tables with the SQL scripts Camunda ships in its engine jar (the same ones its
 * {@code schema-update} runs), as the first Flyway migration. A database whose Camunda tables exist already
 * (made by {@code schema-update} before this migration existed, or by an operator with Camunda's scripts)
 * is left as it is. Upgrading Camunda: README "Run in production".
 */
@Component
public class CamundaSchemaMigration extends CodeMigration {
    static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";
    /** In the order the engine itself creates them. */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    public CamundaSchemaMigration() {
        super("0.1", "Camunda 7 schema");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (camundaTablesExist(connection.getMetaData(), connection.getSchema())) {
            return;
        }
        String database = databaseType(connection.getMetaData().getDatabaseProductName());
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPTS.formatted(database, component)));
        }
    }

    private static boolean camundaTablesExist(DatabaseMetaData metaData, String schema) throws SQLException {
        for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = metaData.getTables(null, schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String databaseType(String productName) {
        return switch (productName) {
            case "PostgreSQL" -> "postgres";
            case "H2" -> "h2";
            default -> throw new IllegalStateException("ComplaintFlow runs on PostgreSQL or H2, not on " + productName);
        };
    }
}
