package io.complaintflow.reporting;

import io.complaintflow.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a real PostgreSQL 16 server (its SQL differs from H2's where it matters: percentiles, aborted transactions). */
@DirtiesContext
class KpiReportOnPostgresTest extends KpiReportTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.use(registry);
    }
}
