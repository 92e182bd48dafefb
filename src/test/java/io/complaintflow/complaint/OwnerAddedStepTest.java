package io.complaintflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.OwnerChanges;
import io.complaintflow.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner adds a step in Modeler (a user task with a form and a candidate group, no Java) and deploys:
 * it shows the complaint, agents complete it through its form, and the timeline records it.
 */
class OwnerAddedStepTest extends ComplaintFlowTestBase {
    @Autowired RepositoryService repository;
    @LocalServerPort int port;

    @Test
    void aStepAddedInModelerWorksWithoutJava() throws IOException {
        String deployment = OwnerChanges.deployWithACallBeforeApproval(repository);
        try {
            Complaint c = confirmedGeneralProblem();
            complete(c, "DecideSolution", "agent1", Map.of("solution", "Reset the password", "rootCause", "Expired password",
                    "approvalNeeded", false));

            Task call = task(c, "CallCustomerBack");
            assertThat(taskService.getIdentityLinksForTask(call.getId())).extracting(IdentityLink::getGroupId).containsExactly("agents-l1");
            assertThat(shownOnForm(call.getId(), "ticketNumber")).as("the complaint is shown").isEqualTo(c.ticketNumber());
            TestHttp http = new TestHttp(port);
            String rest = "/engine-rest/engine/" + engine.getName() + "/task/" + call.getId();
            assertThat(http.post(rest + "/claim", "agent1", "{\"userId\":\"agent1\"}").statusCode()).isEqualTo(204);
            HttpResponse<String> done = http.post(rest + "/submit-form", "agent1",
                    "{\"variables\":{\"callNote\":{\"value\":\"She can log in again\"}}}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
            executeDueJobs();

            assertThat(timeline.of(c.id())).filteredOn(event -> event.kind().equals(EventKind.STEP_DONE))
                    .extracting(Timeline.Event::actor, Timeline.Event::detail).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("agent1", "Call the customer back"));
            assertThat(task(c, "ImplementSolution")).as("the lifecycle goes on").isNotNull();
            assertThat(timeline.of(c.id())).filteredOn(event -> event.kind().equals(EventKind.CONFIRMED))
                    .as("the listeners the BPMN names run once, not again").hasSize(1);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }
}
