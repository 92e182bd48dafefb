package io.complaintflow.engine;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java, a Spring bean (Spring Boot hands every JavaMigration bean to Flyway): a version
 * and a description, run in Flyway's transaction, no checksum (its code may change without a new version).
 */
public abstract class CodeMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    protected CodeMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
