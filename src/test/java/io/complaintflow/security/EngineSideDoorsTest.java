package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import io.complaintflow.complaint.Complaint;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The holes a hostile L1 agent found in /engine-rest, each tried with plain HTTP as they did it: refused with a
 * 4xx, the victim complaint unchanged, and no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineSideDoorsTest extends ComplaintFlowTestBase {
    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private TestHttp http;
    private Complaint victim;
    private String rest;

    @BeforeEach
    void anL2ComplaintWaitsForConfirmation() {
        http = new TestHttp(port);
        rest = "/engine-rest/engine/" + engine.getName();
        victim = submit("problem", "outage", "standard");
        executeDueJobs();
        assertThat(task(victim, "ConfirmComplaint")).isNotNull();
    }

    @AfterEach
    void nothingTheCallerSentLeftAStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    private HttpResponse<String> start(String user, String body) {
        return http.post(rest + "/process-definition/key/complaint-handling/start", user, body);
    }

    private long lifecyclesOf(Complaint complaint) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling")
                .variableValueEquals("complaintId", complaint.id()).count();
    }

    private void assertUnchanged(Complaint before) {
        Complaint now = reload(before);
        assertThat(now.status()).isEqualTo(before.status());
        assertThat(now.milestones()).isEqualTo(before.milestones());
        assertThat(lifecyclesOf(before)).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(before.ticketNumber()).count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compensation_voucher WHERE complaint_id = ?", Long.class,
                before.id())).isZero();
    }

    @Test
    void startingAnotherTiersComplaintAtCloseIsRefused() {
        Complaint before = reload(victim);
        int timelineBefore = timeline.of(victim.id()).size();
        HttpResponse<String> response = start("agent1", """
                {"variables":{"complaintId":{"value":%d,"type":"Long"}},
                 "startInstructions":[{"type":"startBeforeActivity","activityId":"CloseResolvedComplaint"}]}"""
                .formatted(victim.id()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("Only administrators may start a process at a chosen activity");
        assertUnchanged(before);
        assertThat(timeline.of(victim.id())).hasSize(timelineBefore);
    }

    @Test
    void issuingAVoucherWithoutApprovalIsRefused() {
        Complaint before = reload(victim);
        HttpResponse<String> response = start("agent1", """
                {"variables":{"complaintId":{"value":%d,"type":"Long"},"compensationAmount":{"value":99999,"type":"Double"},
                              "compensationApproved":{"value":true,"type":"Boolean"}},
                 "startInstructions":[{"type":"startBeforeActivity","activityId":"IssueCompensation"}]}"""
                .formatted(victim.id()));
        assertThat(response.statusCode()).isEqualTo(403);
        executeDueJobs();
        assertUnchanged(before);
        assertThat(mailsAbout("resolved")).isEmpty();
    }

    @Test
    void aSecondLifecycleOnAnExistingComplaintIsRefused() {
        Complaint before = reload(victim);
        HttpResponse<String> response = start("agent1",
                "{\"variables\":{\"complaintId\":{\"value\":%d,\"type\":\"Long\"}}}".formatted(victim.id()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response, "message")).endsWith(": complaintId: not a field of the form complaint-intake (fields: "
                + "category, channel, customerEmail, customerName, customerPhone, declaredType, description, locale, segment, subject)");
        executeDueJobs();
        assertUnchanged(before);
    }

    @Test
    void anotherComplaintsTicketAsBusinessKeyIsRefused() {
        Complaint before = reload(victim);
        HttpResponse<String> response = start("agent1", "{\"businessKey\":\"" + victim.ticketNumber() + "\"," + PHONE_COMPLAINT + "}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response, "message")).endsWith(": businessKey: ComplaintFlow gives every complaint its own ticket number; leave it out");
        assertUnchanged(before);
    }

    private static final String PHONE_COMPLAINT = """
            "variables":{"channel":{"value":"phone"},"locale":{"value":"en"},"category":{"value":"usage"},
             "subject":{"value":"Cannot log in"},"description":{"value":"Typed in from a call"},
             "customerName":{"value":"Li Lei"},"customerEmail":{"value":"li.lei@example.com"}}""";

    @Test
    void theStartFormsFieldsThroughEngineRestMakeANewComplaint() {
        long complaintsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
        HttpResponse<String> response = start("agent1", "{" + PHONE_COMPLAINT + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String businessKey = json(response, "businessKey");
        assertThat(businessKey).matches("CF-\\d{4}-\\d{6}").isNotEqualTo(victim.ticketNumber());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(complaintsBefore + 1);
        assertThat(complaints.findByTicketNumber(businessKey).orElseThrow().customer().email()).isEqualTo("li.lei@example.com");
    }

    @Test
    void theStartFormRefusesABadAddressOrAnEmptyFormNamingTheFields() {
        long complaintsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
        String definition = repositoryDefinitionId();
        HttpResponse<String> badAddress = http.post(rest + "/process-definition/" + definition + "/submit-form", "agent1",
                "{" + PHONE_COMPLAINT.replace("li.lei@example.com", "li.lei@example..com") + "}");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(json(badAddress, "message")).endsWith(": customerEmail is not an e-mail address");
        HttpResponse<String> empty = http.post(rest + "/process-definition/" + definition + "/submit-form", "agent1",
                "{\"variables\":{}}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty, "message")).contains("channel is required", "category is required", "subject is required",
                "description is required", "locale is required", "customerName is required");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(complaintsBefore);
    }

    private String repositoryDefinitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
                .latestVersion().singleResult().getId();
    }

    @Test
    void modifyingAnInstanceIsForAdministratorsOnly() {
        String instance = processOf(victim).getId();
        String cancelNothing = "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"NoSuchActivity\"}]}";
        HttpResponse<String> owner = http.post(rest + "/process-instance/" + instance + "/modification", "owner", cancelNothing);
        assertThat(owner.statusCode()).isEqualTo(403);
        assertThat(json(owner, "message")).isEqualTo("Only administrators may modify or restart process instances");
        HttpResponse<String> admin = http.post(rest + "/process-instance/" + instance + "/modification", "demo", cancelNothing);
        assertThat(admin.statusCode()).as("past the guard: nothing to cancel").isEqualTo(204);
        assertUnchanged(reload(victim));
    }

    @Test
    void aTaskTakesOnlyItsFormsFields() {
        Task confirm = task(victim, "ConfirmComplaint");
        http.post(rest + "/task/" + confirm.getId() + "/claim", "agent2", "{\"userId\":\"agent2\"}");
        for (String sideDoor : List.of("compensationAmount", "compensationApproved", "solutionApproved", "complaintId",
                "candidateGroup", "tier\":{\"value\":\"L1\"},\"resolutionDue")) {
            HttpResponse<String> response = http.post(rest + "/task/" + confirm.getId() + "/complete", "agent2",
                    "{\"variables\":{\"confirmation\":{\"value\":\"confirmed\"},\"" + sideDoor + "\":{\"value\":1}}}");
            assertThat(response.statusCode()).as(sideDoor).isEqualTo(400);
            assertThat(json(response, "message")).contains("not a field of the form confirm-complaint");
        }
        assertThat(task(victim, "ConfirmComplaint")).as("still open").isNotNull();
        assertUnchanged(reload(victim));
    }

    @Test
    void aValueSentForAReadOnlyFieldIsDroppedNotStored() {
        Task confirm = task(victim, "ConfirmComplaint");
        http.post(rest + "/task/" + confirm.getId() + "/claim", "agent2", "{\"userId\":\"agent2\"}");
        HttpResponse<String> response = http.post(rest + "/task/" + confirm.getId() + "/complete", "agent2",
                "{\"variables\":{\"confirmation\":{\"value\":\"confirmed\"},\"tier\":{\"value\":\"L1\"},\"priority\":{\"value\":\"general\"}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        executeDueJobs();
        assertThat(runtimeService.getVariable(processOf(victim).getId(), "tier")).isEqualTo("L2");
        assertThat(runtimeService.getVariable(processOf(victim).getId(), "priority")).isEqualTo(reload(victim).priority());
        assertThat(taskService.getIdentityLinksForTask(task(victim, "DecideSolution").getId()))
                .anyMatch(link -> "agents-l2".equals(link.getGroupId()));
    }

    @Test
    void theComplaintShownOnAFormReachesOnlyThoseWhoMayReadTheTask() throws Exception {
        String form = rest + "/task/" + task(victim, "ConfirmComplaint").getId() + "/form-variables";
        HttpResponse<String> l2 = http.get(form, "agent2");
        assertThat(l2.statusCode()).isEqualTo(200);
        var shown = json.readTree(l2.body());
        assertThat(shown.path("subject").path("value").asText()).isEqualTo(victim.subject());
        assertThat(shown.path("customerName").path("value").asText()).isEqualTo(victim.customer().name());
        assertThat(shown.path("responseDueText").path("value").asText()).startsWith("On track · due ");
        assertThat(shown.path("history").path("type").asText()).isEqualTo("String");
        HttpResponse<String> some = http.get(form + "?variableNames=subject,tier", "agent2");
        assertThat(json.readTree(some.body()).properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("subject", "tier");
        assertThat(http.get(form, "agent1").statusCode()).as("an L2 task, read by L1").isEqualTo(403);
        assertThat(http.get(form, "agent1").body()).doesNotContain(victim.subject());
        assertThat(http.get(form, null).statusCode()).isEqualTo(401);
    }

    @Test
    void taskVariablesRoutingAndAssignmentCannotBeChangedBesideTheForm() {
        Task confirm = task(victim, "ConfirmComplaint");
        String path = rest + "/task/" + confirm.getId();
        assertThat(http.put(path + "/localVariables/complaintId", "agent2", "{\"value\":1,\"type\":\"Long\"}").statusCode())
                .isEqualTo(400);
        assertThat(http.put(path + "/variables/candidateGroup", "agent2", "{\"value\":\"agents-l1\"}").statusCode())
                .isEqualTo(400);
        assertThat(http.put(path + "/variables/confirmation", "agent2", "{\"value\":\"confirmed\"}").statusCode())
                .as("a form field, but only by completing the task").isEqualTo(403);
        assertThat(http.post(path + "/assignee", "agent2", "{\"userId\":\"agent3\"}").statusCode()).isEqualTo(403);
        assertThat(http.post(path + "/identity-links", "agent2", "{\"groupId\":\"agents-l1\",\"type\":\"candidate\"}")
                .statusCode()).isEqualTo(403);
        assertThat(runtimeService.getVariable(processOf(victim).getId(), "complaintId")).isEqualTo(victim.id());
        assertThat(taskService.getIdentityLinksForTask(confirm.getId())).noneMatch(l -> "agents-l1".equals(l.getGroupId()));
        assertThat(task(victim, "ConfirmComplaint").getAssignee()).isNull();
    }

    @Test
    void unknownOrForeignTasksAndJavaSerializedValuesGetA4xx() {
        assertThat(http.post(rest + "/task/no-such-task/claim", "agent1", "{\"userId\":\"agent1\"}").statusCode()).isEqualTo(400);
        assertThat(http.delete(rest + "/task/no-such-task", "agent1").statusCode()).isEqualTo(400);
        Task confirm = task(victim, "ConfirmComplaint");
        assertThat(http.post(rest + "/task/" + confirm.getId() + "/claim", "agent1", "{\"userId\":\"agent1\"}").statusCode())
                .as("an L2 task, claimed by L1").isEqualTo(403);
        assertThat(http.delete(rest + "/task/" + confirm.getId(), "agent2").statusCode()).isEqualTo(400);
        HttpResponse<String> serialized = http.post(rest + "/task/" + confirm.getId() + "/complete", "agent2", """
                {"variables":{"confirmation":{"value":"rO0ABXQACWNvbmZpcm1lZA==","type":"Object",
                  "valueInfo":{"objectTypeName":"java.lang.String","serializationDataFormat":"application/x-java-serialized-object"}}}}""");
        assertThat(serialized.statusCode()).isEqualTo(400);
        assertThat(json(serialized, "message")).contains("Java-serialized values are not accepted");
        assertThat(task(victim, "ConfirmComplaint")).isNotNull();
        assertThat(task(victim, "ConfirmComplaint").getAssignee()).isNull();
    }

    private String json(HttpResponse<String> response, String field) {
        try {
            return json.readTree(response.body()).path(field).asText();
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
