package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class AuthorizationTest extends ComplaintFlowTestBase {
    @Autowired IdentityService identity;
    @Autowired IdentitySetup identitySetup;
    @LocalServerPort int port;

    private void logInAs(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }

    @Test
    void anL1AgentCannotSeeOrCompleteAnL2Task() {
        Complaint l2 = submit("problem", "outage", "standard");
        executeDueJobs();
        Task task = task(l2, "ConfirmComplaint");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "agents-l2".equals(link.getGroupId()));

        logInAs("agent1", Groups.L1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(l2.ticketNumber()).list()).isEmpty();
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("confirmation", "confirmed")))
                .isInstanceOf(AuthorizationException.class);

        logInAs("agent2", Groups.L2);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(l2.ticketNumber()).list()).hasSize(1);
        taskService.claim(task.getId(), "agent2");
        taskService.complete(task.getId(), Map.of("confirmation", "confirmed"));
        identity.clearAuthentication();
        assertThat(task(l2, "DecideSolution")).isNotNull();
    }

    @Test
    void eachQueueIsVisibleToItsGroupOnly() {
        logInAs("agent1", Groups.L1);
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting("name").containsExactly("L1 queue · 一线队列");
        logInAs("supervisor", Groups.SUPERVISORS);
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting("name")
                .containsExactly("Supervisors queue · 主管队列");
    }

    @Test
    void aQueueNamedBeforeTheQueuesSpokeChineseIsRenamedInPlaceKeepingItsGrantAndSettings() {
        FilterService filters = engine.getFilterService();
        Filter l1 = filters.createFilterQuery().filterName("L1 queue · 一线队列").singleResult();
        // as an earlier version left it, with a colour someone chose in Tasklist
        filters.saveFilter(l1.setName("L1 queue").setProperties(Map.of(
                "description", "Open tasks of L1 agents (front line), earliest due first", "priority", 1, "refresh", true,
                "color", "#c0392b", "variables", List.of(Map.of("name", "ticketNumber", "label", "Ticket")))));

        identitySetup.run(null);

        Filter renamed = filters.getFilter(l1.getId());
        assertThat(renamed.getName()).isEqualTo("L1 queue · 一线队列");
        assertThat(renamed.getProperties())
                .containsEntry("description", "Open tasks of L1 agents (front line), earliest due first · 一线队列的待办任务，最早到期的在前")
                .containsEntry("color", "#c0392b").containsEntry("priority", 1)
                .containsEntry("variables", List.of(Map.of("name", "ticketNumber", "label", "Ticket · 工单号"),
                        Map.of("name", "priority", "label", "Priority · 优先级"), Map.of("name", "tier", "label", "Tier · 级别")));
        assertThat(filters.createFilterQuery().count()).as("renamed, not made anew").isEqualTo(5);
        logInAs("agent1", Groups.L1);
        assertThat(filters.createFilterQuery().list()).extracting("id", "name")
                .containsExactly(tuple(l1.getId(), "L1 queue · 一线队列"));
    }

    @Test
    void onlyProcessOwnersMayDeploy() {
        logInAs("agent1", Groups.L1);
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name("sneaky")
                .addClasspathResource("processes/triage.dmn").deploy()).isInstanceOf(AuthorizationException.class);
        logInAs("owner", Groups.PROCESS_OWNERS);
        assertThat(engine.getRepositoryService().createDeployment().name("owner's change")
                .addClasspathResource("processes/triage.dmn").enableDuplicateFiltering(true).deploy()).isNotNull();
    }

    @Test
    void engineRestNeedsCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // tests give the engine a unique name, so address it by name
        URI tasks = URI.create("http://localhost:" + port + "/engine-rest/engine/" + engine.getName() + "/task");
        assertThat(http.send(HttpRequest.newBuilder(tasks).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        HttpRequest asAgent = HttpRequest.newBuilder(tasks).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes())).build();
        assertThat(http.send(asAgent, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
