package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V13: tokens in mails sent before hashing keep working; afterwards only their hashes exist. */
class PortalTokenHashingTest {
    @Test
    void everyPlainTokenBecomesItsHashValidForTheConfiguredTime() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:token-hashing")) {
            try (var sql = db.createStatement()) {
                sql.execute("CREATE TABLE complaint (id BIGINT PRIMARY KEY, access_token VARCHAR(64))");
                sql.execute("INSERT INTO complaint VALUES (7, 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6')");
                sql.execute(new String(getClass().getResourceAsStream("/db/migration/V12__portal_tokens.sql").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            new PortalTokenHashing(Duration.ofDays(30)).migrate(new Context() {
                public Configuration getConfiguration() {
                    return null;
                }

                public Connection getConnection() {
                    return db;
                }
            });
            try (var sql = db.createStatement();
                 var row = sql.executeQuery("SELECT complaint_id, token_hash, DATEDIFF('DAY', issued_at, expires_at) FROM portal_token")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).isEqualTo(7);
                // sha256("a1b2…") in hex, not the token
                assertThat(row.getString(2)).isEqualTo("93f6583d8ab09f51c314f080a4d263fc76c77f99c474214d369cd8b199602322")
                        .hasSize(64).doesNotContain("a1b2c3d4e5f6a1b2");
                assertThat(row.getLong(3)).isEqualTo(30);
                assertThat(row.next()).isFalse();
            }
        }
    }
}
