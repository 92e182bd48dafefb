package io.complaintflow.engine;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which of the two databases ComplaintFlow runs on (H2 or PostgreSQL) holds our tables. */
public final class Databases {
    private Databases() {
    }

    public static boolean isPostgres(DataSource dataSource) {
        try {
            return DatabaseDriver.fromProductName(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName)) == DatabaseDriver.POSTGRESQL;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the complaints", e);
        }
    }
}
