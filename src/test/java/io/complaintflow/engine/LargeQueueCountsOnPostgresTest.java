package io.complaintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.OnPostgres;
import java.util.List;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
    void aQueryAskedForIsPlannedForItsOwnValuesAndTheEnginesWritesAreNot() {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        // a generic plan of the queue count compares every task with every permission (QueriesPlannedPerValue)
        assertThat(new PlanMode(commands).list()).as("a query asked for").containsExactly("force_custom_plan");
        // forced for writes too, every foreign-key check of an insert or delete would be planned again
        assertThat(commands.execute((Command<String>) context -> planMode())).as("a command that may write").isEqualTo("auto");
        assertThat(commands.execute((Command<List<String>>) context -> new PlanMode(commands).list())).as("a query inside it").containsExactly("auto");
        assertThat(planMode()).as("the pool's connections").isEqualTo("auto");
    }

    private String planMode() {
        return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
    }

    /** An engine query that answers with the planner setting it runs under. */
    private class PlanMode extends AbstractQuery<PlanMode, String> {
        PlanMode(CommandExecutor commands) {
            super(commands);
        }

        @Override
        public long executeCount(CommandContext context) {
            return 1;
        }

        @Override
        public List<String> executeList(CommandContext context, Page page) {
            return List.of(planMode());
        }
    }
}
