package io.complaintflow.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.OwnerChanges;
import io.complaintflow.TestHttp;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.feedback.CustomerResponses;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys a new lifecycle version and moves the running complaints onto it: complaints waiting at
 * every user task, timer and message of the old version move, keep their deadlines and go on in the new version.
 * Subclasses run it on H2 and on real PostgreSQL (the dry run relies on the database rolling the migration back).
 */
abstract class LifecycleMigrationScenarios extends ComplaintFlowTestBase {
    static final Map<String, Object> CONFIRMED = Map.of("confirmation", "confirmed");
    static final Map<String, Object> SOLUTION = Map.of("solution", "Reset the password", "rootCause", "Expired", "approvalNeeded", false);
    static final Map<String, Object> RESOLVED = Map.of("implementation", "resolved");
    static final Map<String, Object> NEEDS_INFORMATION = Map.of("confirmation", "needsInformation", "informationRequest", "Which browser?");

    @Autowired RepositoryService repository;
    @Autowired CustomerResponses customers;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheNewVersions() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    private HttpResponse<String> migrate(String user, String body) {
        return new TestHttp(port).post("/api/admin/migrations", user, body);
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").latestVersion().singleResult();
    }

    private void resolve(Complaint c, String agent) {
        complete(c, "DecideSolution", agent, SOLUTION);
        complete(c, "ImplementSolution", agent, RESOLVED);
    }

    private void answerSurvey(Complaint c, int satisfaction, boolean reportAgain) {
        customers.answerSurvey(reload(c), new CustomerResponses.SurveyAnswer(satisfaction, 9, "ok", reportAgain));
        executeDueJobs();
    }

    private Complaint waitingForTheAnswer() {
        Complaint asked = submit("problem", "usage", "standard");
        executeDueJobs();
        complete(asked, "ConfirmComplaint", "agent1", NEEDS_INFORMATION);
        return asked;
    }

    private Complaint inObservation() {
        Complaint observed = confirmedGeneralProblem();
        resolve(observed, "agent1");
        return observed;
    }

    private Complaint confirmed(String type, String category, String segment, String agent) {
        Complaint c = submit(type, category, segment);
        executeDueJobs();
        complete(c, "ConfirmComplaint", agent, CONFIRMED);
        return c;
    }

    /** One complaint waiting at each user task, timer and message of the lifecycle, keyed by where it waits. */
    private Map<String, Complaint> complaintsWaitingEverywhere() {
        Map<String, Complaint> at = new LinkedHashMap<>();
        // first those that need the observation period to pass, all at once
        Complaint survey = confirmedGeneralProblem();
        Complaint unhappy = confirmedGeneralProblem();
        Complaint compensation = confirmed("complaint", "usage", "vip", "agent1");
        Complaint review = confirmed("complaint", "outage", "vip", "agent2");
        resolve(survey, "agent1");
        resolve(unhappy, "agent1");
        resolve(compensation, "agent1");
        resolve(review, "agent2");
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        at.put("AwaitSurvey", survey);
        answerSurvey(unhappy, 2, false);
        at.put("ReviewReopen", unhappy);
        answerSurvey(review, 5, false);
        at.put("WriteIncidentReview", review);
        answerSurvey(compensation, 3, true);
        complete(compensation, "ReviewReopen", "supervisor", Map.of("reopen", "true", "reviewNote", "Back again"));
        resolve(compensation, "agent2");
        at.put("ApproveCompensation", compensation);

        at.put("ConfirmComplaint", submit("problem", "usage", "standard"));
        at.put("EvaluateFeedback", submit("suggestion", "feature", "standard"));
        executeDueJobs();
        at.put("DecideSolution", confirmedGeneralProblem());
        Complaint approve = confirmedGeneralProblem();
        complete(approve, "DecideSolution", "agent1", Map.of("solution", "Refund", "rootCause", "Double booking", "approvalNeeded", true));
        at.put("ApproveSolution", approve);
        Complaint implement = confirmedGeneralProblem();
        complete(implement, "DecideSolution", "agent1", SOLUTION);
        at.put("ImplementSolution", implement);
        Complaint answered = submit("problem", "usage", "standard");
        executeDueJobs();
        complete(answered, "ConfirmComplaint", "agent1", NEEDS_INFORMATION);
        customers.answerInformationRequest(reload(answered), "Chrome 130");
        executeDueJobs();
        at.put("ReviewInformation", answered);
        at.put("AwaitInformation", waitingForTheAnswer());
        at.put("AwaitObservation", inObservation());
        // last, so that no one runs the mail job: the question still waits to go out
        Complaint questionQueued = submit("problem", "usage", "standard");
        executeDueJobs();
        var confirm = task(questionQueued, "ConfirmComplaint");
        taskService.claim(confirm.getId(), "agent1");
        taskService.complete(confirm.getId(), NEEDS_INFORMATION);
        at.put("InformationRequestSent", questionQueued);
        at.forEach((activity, c) -> BpmnAwareTests.assertThat(processOf(c)).as(activity).isWaitingAt(activity));
        return at;
    }

    /** The migration's own jobs only, as the job executor runs them: the mail still waiting must not go first. */
    private void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
            managementService.createJobQuery().jobDefinitionId(definition).list().forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private void migrateAll(ProcessDefinition from) throws Exception {
        HttpResponse<String> started = migrate("owner", "{\"fromVersion\":" + from.getVersion() + ",\"dryRun\":false}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        runBatch(json.readTree(started.body()).get("batchId").asText());
    }

    private void assertMovedKeepingTheirDeadlines(Map<String, Complaint> waiting, Map<String, List<Date>> deadlines,
                                                  ProcessDefinition to) {
        waiting.forEach((activity, c) -> {
            assertThat(processOf(c).getProcessDefinitionId()).as(activity).isEqualTo(to.getId());
            BpmnAwareTests.assertThat(processOf(c)).as(activity).isWaitingAt(activity);
            assertThat(timerDueDates(c)).as(activity + ": its deadlines").isEqualTo(deadlines.get(activity));
        });
    }

    private List<Date> timerDueDates(Complaint c) {
        return managementService.createJobQuery().processInstanceId(processOf(c).getId()).timers().orderByJobDuedate().asc()
                .list().stream().map(Job::getDuedate).toList();
    }

    @Test
    void complaintsWaitingAtEveryTaskTimerAndMessageMoveToTheNewVersionKeepTheirDeadlinesAndGoOnThere() throws Exception {
        Map<String, Complaint> waiting = complaintsWaitingEverywhere();
        ProcessDefinition v1 = latest();
        Map<String, List<Date>> deadlines = new LinkedHashMap<>();
        waiting.forEach((activity, c) -> deadlines.put(activity, timerDueDates(c)));
        assertThat(deadlines.values()).filteredOn(d -> !d.isEmpty()).hasSizeGreaterThanOrEqualTo(10);
        deployments.add(OwnerChanges.deployWithACallBeforeApproval(repository));
        ProcessDefinition v2 = latest();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        // agents may not; a dry run shows what would move and moves nothing
        assertThat(migrate("agent1", "{\"fromVersion\":" + v1.getVersion() + "}").statusCode()).isEqualTo(403);
        HttpResponse<String> dryRun = migrate("owner", "{\"fromVersion\":" + v1.getVersion() + "}");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode plan = json.readTree(dryRun.body());
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("fromVersion").asInt()).isEqualTo(v1.getVersion());
        assertThat(plan.get("toVersion").asInt()).isEqualTo(v2.getVersion());
        assertThat(plan.get("instances").asLong()).isEqualTo(waiting.size());
        assertThat(plan.get("cannotMove")).isEmpty();
        assertThat(plan.get("instanceProblems")).isEmpty();
        Map<String, Long> moving = new LinkedHashMap<>();
        plan.get("moving").forEach(m -> moving.put(m.get("activityId").asText(), m.get("instances").asLong()));
        Map<String, Long> oneAtEach = new LinkedHashMap<>();
        waiting.keySet().forEach(activity -> oneAtEach.put(activity, 1L));
        assertThat(moving).isEqualTo(oneAtEach);
        waiting.values().forEach(c -> assertThat(processOf(c).getProcessDefinitionId()).isEqualTo(v1.getId()));

        migrateAll(v1);
        assertMovedKeepingTheirDeadlines(waiting, deadlines, v2);
        // the new step is where the moved complaints go next
        complete(waiting.get("DecideSolution"), "DecideSolution", "agent1", SOLUTION);
        assertThat(task(waiting.get("DecideSolution"), "CallCustomerBack")).isNotNull();
        // and the old ways on still work: a timer, a message, a task
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        BpmnAwareTests.assertThat(processOf(waiting.get("AwaitObservation"))).isWaitingAt("AwaitSurvey");
        answerSurvey(waiting.get("AwaitSurvey"), 5, false);
        assertThat(processOf(waiting.get("AwaitSurvey"))).isNull();
        assertThat(reload(waiting.get("AwaitSurvey")).status()).isEqualTo("CLOSED");
        // the question's mail goes out now and tells the moved complaint, which waits for the answer from here on
        executeDueJobs();
        BpmnAwareTests.assertThat(processOf(waiting.get("InformationRequestSent"))).isWaitingAt("AwaitInformation");
        complete(waiting.get("ApproveCompensation"), "ApproveCompensation", "supervisor",
                Map.of("compensationApproved", "true", "compensationAmount", 60));
        assertThat(reload(waiting.get("ApproveCompensation")).compensationStatus()).isEqualTo("ISSUED");
    }

    @Test
    void complaintsStartedOnTheFlatModelBeforeTheStagesMoveIntoTheStagesWithTheirDeadlines() throws Exception {
        deployments.add(OwnerChanges.deploy(repository, Path.of("src/test/resources/migration/complaint-handling-before-stages.bpmn")));
        ProcessDefinition flat = latest();
        Map<String, Complaint> waiting = new LinkedHashMap<>();
        waiting.put("ConfirmComplaint", submit("problem", "usage", "standard"));
        waiting.put("EvaluateFeedback", submit("suggestion", "feature", "standard"));
        executeDueJobs();
        waiting.put("DecideSolution", confirmedGeneralProblem());
        Complaint asked = waitingForTheAnswer();
        waiting.put("AwaitInformation", asked);
        Complaint observed = inObservation();
        waiting.put("AwaitObservation", observed);
        Map<String, List<Date>> deadlines = new LinkedHashMap<>();
        waiting.forEach((activity, c) -> {
            assertThat(processOf(c).getProcessDefinitionId()).as(activity).isEqualTo(flat.getId());
            BpmnAwareTests.assertThat(processOf(c)).as(activity).isWaitingAt(activity);
            deadlines.put(activity, timerDueDates(c));
        });
        assertThat(deadlines.values()).allSatisfy(d -> assertThat(d).isNotEmpty());
        deployments.add(OwnerChanges.deploy(repository, Path.of("processes", "complaint-handling.bpmn")));
        ProcessDefinition staged = latest();

        HttpResponse<String> dryRun = migrate("owner", "{\"fromVersion\":" + flat.getVersion() + "}");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode plan = json.readTree(dryRun.body());
        assertThat(plan.get("cannotMove")).as(dryRun.body()).isEmpty();
        assertThat(plan.get("instanceProblems")).as(dryRun.body()).isEmpty();
        migrateAll(flat);
        assertMovedKeepingTheirDeadlines(waiting, deadlines, staged);
        // each goes on in its stage
        customers.answerInformationRequest(reload(asked), "Chrome 130");
        executeDueJobs();
        BpmnAwareTests.assertThat(processOf(asked)).hasPassed("WaitForAnswer", "EnterAtAnswer").isWaitingAt("ReviewInformation");
        complete(waiting.get("ConfirmComplaint"), "ConfirmComplaint", "agent1", CONFIRMED);
        BpmnAwareTests.assertThat(processOf(waiting.get("ConfirmComplaint"))).isWaitingAt("DecideSolution");
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        BpmnAwareTests.assertThat(processOf(observed)).hasPassed("ObservationPeriod").isWaitingAt("AwaitSurvey");
    }

    @Test
    void complaintsAtAStepTheNewVersionNoLongerHasAreNamedAndNothingMoves() throws Exception {
        Complaint approve = confirmedGeneralProblem();
        complete(approve, "DecideSolution", "agent1", Map.of("solution", "Refund", "rootCause", "Double booking", "approvalNeeded", true));
        Complaint decide = confirmedGeneralProblem();
        ProcessDefinition v1 = latest();
        BpmnModelInstance renamed = Bpmn.readModelFromStream(repository.getProcessModel(v1.getId()));
        renamed.getModelElementById("ApproveSolution").setAttributeValue("id", "ReviewTheSolution", true);
        deployments.add(repository.createDeployment().addModelInstance("complaint-handling.bpmn", renamed)
                .addString("approve-solution.form", java.nio.file.Files.readString(java.nio.file.Path.of("forms", "approve-solution.form")))
                .addString("decide-solution.form", java.nio.file.Files.readString(java.nio.file.Path.of("forms", "decide-solution.form")))
                .deploy().getId());

        HttpResponse<String> refused = migrate("owner", "{\"fromVersion\":" + v1.getVersion() + ",\"dryRun\":false}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode report = json.readTree(refused.body());
        assertThat(report.get("cannotMove")).extracting(JsonNode::asText).containsExactly("ApproveSolution");
        assertThat(report.get("batchId").isNull()).isTrue();
        assertThat(processOf(approve).getProcessDefinitionId()).isEqualTo(v1.getId());
        assertThat(processOf(decide).getProcessDefinitionId()).isEqualTo(v1.getId());
    }

    @Test
    void aMissingOrUnknownVersionIsNamed() throws Exception {
        HttpResponse<String> missing = migrate("owner", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("fields").get(0).get("field").asText()).isEqualTo("fromVersion");
        HttpResponse<String> unknown = migrate("owner", "{\"fromVersion\":999}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("message").asText()).isEqualTo("fromVersion must be a deployed version of complaint-handling; 999 is not");
    }
}
