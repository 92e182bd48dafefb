package io.complaintflow.migration;

import io.complaintflow.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same migrations on a real PostgreSQL 16 server. */
@DirtiesContext
class LifecycleMigrationOnPostgresTest extends LifecycleMigrationScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.use(registry);
    }
}
