package io.complaintflow.intake;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scenario on a real PostgreSQL 16 server (embedded, no installation needed). */
class ComplaintOverHttpOnPostgresTest extends ComplaintOverHttpScenario {
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
