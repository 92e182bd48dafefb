package io.complaintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a real PostgreSQL 16 server, with production's connection settings (the postgres profile) and the demo users. */
@DirtiesContext
@ActiveProfiles({"demo", "postgres"})
class LargeQueueCountsOnPostgresTest extends LargeQueueCountsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.use(registry);
    }

    @Test
    void everyQueryIsPlannedForItsOwnValues() {
        // a generic plan of the queue count compares every task with every permission (application-postgres.yaml)
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    }
}
