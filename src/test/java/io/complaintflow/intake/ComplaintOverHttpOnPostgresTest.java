package io.complaintflow.intake;

import io.complaintflow.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scenarios on a real PostgreSQL 16 server. */
@DirtiesContext
class ComplaintOverHttpOnPostgresTest extends ComplaintOverHttpScenario {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.use(registry);
    }
}
