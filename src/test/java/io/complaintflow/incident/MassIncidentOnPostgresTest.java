package io.complaintflow.incident;

import io.complaintflow.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a real PostgreSQL 16 server: row locks, aborted transactions and time zones as in production. */
@DirtiesContext
class MassIncidentOnPostgresTest extends MassIncidentTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.use(registry);
    }
}
