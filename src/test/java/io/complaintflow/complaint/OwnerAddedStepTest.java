package io.complaintflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner adds a step in Modeler (a user task with a form and a candidate group, no Java) and deploys:
 * it shows the complaint, agents complete it through its form, and the timeline records it.
 */
class OwnerAddedStepTest extends ComplaintFlowTestBase {
    static final String CALL_FORM = """
            {"id":"call-customer-back","type":"default","executionPlatform":"Camunda Platform","executionPlatformVersion":"7.24.0",
             "components":[{"id":"Field_ticketNumber","type":"textfield","key":"ticketNumber","label":"Ticket","readonly":true},
                           {"id":"Field_callNote","type":"textarea","key":"callNote","label":"What the customer said"}]}""";

    @Autowired RepositoryService repository;
    @LocalServerPort int port;

    @Test
    void aStepAddedInModelerWorksWithoutJava() throws IOException {
        String deployment = deployWithACallBeforeApproval();
        try {
            Complaint c = confirmedGeneralProblem();
            complete(c, "DecideSolution", "agent1", Map.of("solution", "Reset the password", "rootCause", "Expired password",
                    "approvalNeeded", false));

            Task call = task(c, "CallCustomerBack");
            assertThat(taskService.getIdentityLinksForTask(call.getId())).extracting(IdentityLink::getGroupId).containsExactly("agents-l1");
            assertThat(taskService.getVariableLocal(call.getId(), "ticketNumber")).as("the complaint is shown").isEqualTo(c.ticketNumber());
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

    /** What the owner does in Modeler: a new user task between deciding the solution and its approval check. */
    private String deployWithACallBeforeApproval() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "complaint-handling.bpmn").toFile());
        SequenceFlow decided = model.getModelElementById("Flow_DecideSolution_to_SolutionApprovalGateway");
        UserTask call = model.newInstance(UserTask.class);
        call.setId("CallCustomerBack");
        call.setName("Call the customer back");
        call.setCamundaCandidateGroups("agents-l1");
        call.setCamundaFormRef("call-customer-back");
        call.setCamundaFormRefBinding("deployment");
        decided.getParentElement().addChildElement(call);
        SequenceFlow onwards = model.newInstance(SequenceFlow.class);
        onwards.setId("Flow_CallCustomerBack_to_SolutionApprovalGateway");
        decided.getParentElement().addChildElement(onwards);
        onwards.setSource(call);
        onwards.setTarget(decided.getTarget());
        call.getOutgoing().add(onwards);
        decided.getTarget().getIncoming().remove(decided);
        decided.getTarget().getIncoming().add(onwards);
        decided.setTarget(call);
        call.getIncoming().add(decided);

        DeploymentBuilder deployment = repository.createDeployment().name("owner adds a call")
                .addModelInstance("complaint-handling.bpmn", model).addString("call-customer-back.form", CALL_FORM);
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        return deployment.deploy().getId();
    }
}
