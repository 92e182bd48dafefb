package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class AuthorizationTest extends ComplaintFlowTestBase {
    @Autowired IdentityService identity;
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
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting("name").containsExactly("L1 queue");
        logInAs("supervisor", Groups.SUPERVISORS);
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting("name")
                .containsExactly("Supervisors queue");
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
