package io.complaintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

/**
 * Permission checks take the caller's groups as authenticated, without reading the whole permission table for the
 * groups that hold any: what each caller sees is unchanged.
 */
class GroupsAsAuthenticatedTest extends ComplaintFlowTestBase {

    private long l1TasksSeenBy(String user, List<String> groups) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return taskService.createTaskQuery().taskCandidateGroup("agents-l1").count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aGroupWithoutPermissionsChangesNothingTheCallerSees() {
        submit("problem", "usage", "standard");
        submit("problem", "usage", "standard");
        executeDueJobs();
        long l1Tasks = taskService.createTaskQuery().taskCandidateGroup("agents-l1").count();
        assertThat(l1Tasks).isGreaterThanOrEqualTo(2);

        assertThat(l1TasksSeenBy("agent1", List.of("agents-l1"))).isEqualTo(l1Tasks);
        assertThat(l1TasksSeenBy("agent1", List.of("agents-l1", "choir", "agents-l1"))).isEqualTo(l1Tasks);
        assertThat(l1TasksSeenBy("agent1", List.of("choir"))).isZero();
        assertThat(l1TasksSeenBy("agent2", List.of("agents-l2", "choir"))).isZero();
    }

    @Test
    void theEnginesPermissionChecksAreOurs() {
        var factories = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories();
        assertThat(factories.get(AuthorizationManager.class).openSession()).isInstanceOf(GroupsAsAuthenticated.Permissions.class);
        assertThat(new GroupsAsAuthenticated.Permissions().filterAuthenticatedGroupIds(List.of("agents-l1", "choir", "agents-l1")))
                .containsExactly("agents-l1", "choir");
    }
}
