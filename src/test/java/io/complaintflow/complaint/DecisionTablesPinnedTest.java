package io.complaintflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.feedback.CustomerResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A decision table deployed while a complaint runs applies to complaints started later, never to that one. */
class DecisionTablesPinnedTest extends ComplaintFlowTestBase {
    @Autowired RepositoryService repository;
    @Autowired CustomerResponses customers;

    @Test
    void aRunningComplaintKeepsTheCompensationTableItStartedWith() throws IOException {
        Complaint before = submit("complaint", "outage", "vip");
        executeDueJobs();
        int started = DecisionVersions.parse(runtimeService.getVariable(processOf(before).getId(), "tableVersions"))
                .get("compensation-policy");
        String raised = repository.createDeployment().name("owner raises the VIP points")
                .addString("compensation-policy.dmn", Files.readString(Path.of("processes", "compensation-policy.dmn"))
                        .replace("<text>500</text>", "<text>900</text>")).deploy().getId();
        try {
            Complaint after = submit("complaint", "outage", "vip");
            executeDueJobs();
            assertThat(DecisionVersions.parse(runtimeService.getVariable(processOf(after).getId(), "tableVersions")))
                    .containsEntry("compensation-policy", started + 1).containsOnlyKeys("compensation-policy",
                            "incident-review-policy", "sla-policy", "survey-review-policy", "triage");

            resolve(before);
            resolve(after);
            moveClockBy(Duration.ofDays(3).plusMinutes(1));
            for (Complaint c : new Complaint[] {before, after}) {
                customers.answerSurvey(reload(c), new CustomerResponses.SurveyAnswer(4, 9, "fine", false));
                executeDueJobs();
            }
            assertThat(reload(before).compensationAmount()).as("the table of its start").isEqualByComparingTo("500");
            assertThat(reload(after).compensationAmount()).as("the new table").isEqualByComparingTo("900");
        } finally {
            repository.deleteDeployment(raised, true);
        }
    }

    @Test
    void everyTableTheLifecycleUsesIsEvaluatedInItsPinnedVersion() {
        var model = Bpmn.readModelFromFile(Path.of("processes", "complaint-handling.bpmn").toFile());
        assertThat(model.getModelElementsByType(BusinessRuleTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaDecisionRefBinding()).as(task.getId()).isEqualTo("version");
            assertThat(task.getCamundaDecisionRefVersion()).as(task.getId())
                    .isEqualTo("${decisionVersions.pinned(execution, '" + task.getCamundaDecisionRef() + "')}");
        });
    }

    private void resolve(Complaint c) {
        complete(c, "ConfirmComplaint", "agent2", Map.of("confirmation", "confirmed"));
        complete(c, "DecideSolution", "agent2", Map.of("solution", "Restarted the service", "rootCause", "A full disk",
                "approvalNeeded", false));
        complete(c, "ImplementSolution", "agent2", Map.of("implementation", "resolved", "implementationNote", "Done"));
    }
}
