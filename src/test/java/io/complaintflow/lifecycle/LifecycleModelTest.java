package io.complaintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.complaintflow.complaint.LifecyclePolicy;
import io.complaintflow.complaint.Tier;
import io.complaintflow.complaint.TierRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle model on its own: a bare in-memory engine, the real decision tables, every Java delegate and
 * listener replaced by a recorder. One test per branch and timer path of the diagram, each in milliseconds; the
 * full-application tests (ComplaintLifecyclePathsTest, SlaClockScenarios) drive the same paths with the real beans.
 */
class LifecycleModelTest {
    static final Instant T0 = Instant.parse("2027-03-08T02:00:00Z");
    static ProcessEngine engine;

    static final Set<String> SLA_ALARM_STEPS = Set.of("WarnStaff", "RecordBreach", "HandOverToSupervisors", "TellSupervisors");
    final List<String> calls = new ArrayList<>();
    final Moments moments = new Moments();

    @BeforeAll
    static void bareEngineWithTheModels() throws IOException {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:lifecycle-model;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("lifecycle-model");
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("lifecycle model");
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("customer-message.bpmn")
                        && !f.getFileName().toString().startsWith("spike-")).toList()) {
                    deployment.addString(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        deployment.deploy();
    }

    @BeforeEach
    void recordersForEveryBean() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(T0));
        for (String bean : List.of("registerComplaint", "sendCustomerMessage", "closeComplaint", "notifyStaff", "recordBreach",
                "handOverToSupervisors", "pauseResolutionClock", "resumeResolutionClock", "linkDuplicate", "issueCompensation",
                "markResolved", "linkToOpenIncident", "takeIncidentSolution", "leaveIncident")) {
            Mocks.register(bean, recorder(bean, e -> { }));
        }
        for (String listener : List.of("recordDecision", "showInTaskList")) {
            Mocks.register(listener, (TaskListener) task -> { });
        }
        Mocks.register("withdrawUnsentMessage", (ExecutionListener) execution -> { });
        Mocks.register("slaMoments", moments);
        Mocks.register("setDeadlines", recorder("setDeadlines", e -> {
            TierRouting.route(e, Tier.of((String) e.getVariable("tier")));
            moments.responseWarnAt = at(Duration.ofMinutes(192));
            moments.responseDue = at(Duration.ofHours(4));
            moments.responseHandOverAt = at(Duration.ofHours(6));
        }));
        JavaDelegate nextTier = e -> {
            TierRouting.route(e, Tier.L2);
            moments.resolutionWarnAt = later(Duration.ofHours(19));
            moments.resolutionDue = later(Duration.ofHours(24));
            e.removeVariable("implementation");
        };
        Mocks.register("escalateToNextTier", recorder("escalateToNextTier", nextTier));
        Mocks.register("reopenComplaint", recorder("reopenComplaint", e -> {
            nextTier.execute(e);
            e.setVariable("reopened", true);
        }));
        Mocks.register("decisionVersions", new PinnedToTheOnlyVersion());
        Mocks.register("lifecyclePolicy", new LifecyclePolicy());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        RuntimeService runtime = engine.getRuntimeService();
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
    }

    /** The complaint's SLA moments as the application's SlaMoments reads them from its row: here set by the recorders. */
    public static class Moments {
        Date responseWarnAt;
        Date responseDue;
        Date responseHandOverAt;
        Date resolutionWarnAt = at(Duration.ofMinutes(57 * 60 + 36));
        Date resolutionDue = at(Duration.ofHours(72));

        public Date responseWarnAt(long complaintId) {
            return responseWarnAt;
        }

        public Date responseDue(long complaintId) {
            return responseDue;
        }

        public Date responseHandOverAt(long complaintId) {
            return responseHandOverAt;
        }

        public Date resolutionWarnAt(long complaintId) {
            return resolutionWarnAt;
        }

        public Date resolutionDue(long complaintId) {
            return resolutionDue;
        }
    }

    /** The version binding's expression, as the application's DecisionVersions answers it for a single deployment. */
    public static class PinnedToTheOnlyVersion {
        public Integer pinned(DelegateExecution execution, String key) {
            return 1;
        }
    }

    private JavaDelegate recorder(String bean, JavaDelegate effect) {
        return execution -> {
            // the SLA alarm handler serves every clock: its steps are told apart by the notice (and the breach by its clock)
            boolean alarm = SLA_ALARM_STEPS.contains(execution.getCurrentActivityId());
            String notice = alarm ? "/" + execution.getVariable("notice") : "";
            String clock = execution.hasVariableLocal("clock") ? "/" + execution.getVariableLocal("clock") : "";
            calls.add(bean + ":" + execution.getCurrentActivityId() + notice + clock);
            effect.execute(execution);
        };
    }

    private static Date at(Duration afterT0) {
        return Date.from(T0.plus(afterT0));
    }

    private static Date later(Duration fromNow) {
        return new Date(ClockUtil.getCurrentTime().getTime() + fromNow.toMillis());
    }

    private ProcessInstance start(String declaredType, String category, String segment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("declaredType", declaredType);
        variables.put("category", category);
        variables.put("channel", "web");
        variables.put("segment", segment);
        variables.put("complaintId", 1L);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("complaint-handling", "CF-2027-000001", variables);
        // intake hands over to a job before the acknowledgement
        assertThat(pi).isWaitingAt("SendAcknowledgement");
        runDueJobs();
        return pi;
    }

    private ProcessInstance startBefore(String activity, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(Map.of("complaintId", 1L, "type", "problem", "priority", "general",
                "segment", "standard", "tier", "L1", "candidateGroup", "agents-l1", "confirmation", "confirmed"));
        all.putAll(Map.of("slaBreached", false, "reopened", false, "compensationAmount", 0));
        all.putAll(variables);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey("complaint-handling").businessKey("CF-2027-000001")
                .startBeforeActivity(activity).setVariables(all).execute();
        runDueJobs();
        return pi;
    }

    private void complete(ProcessInstance pi, String taskKey, Map<String, Object> decision) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        tasks.complete(task.getId(), decision);
        runDueJobs();
    }

    private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private void moveTo(Duration afterT0) {
        ClockUtil.setCurrentTime(at(afterT0));
        runDueJobs();
    }

    private void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
                    engine.getManagementService().executeJob(job.getId());
                }
            }
        }
    }

    /** The customer-message process reports that the mail the lifecycle waits for has gone out. */
    private void mailGoesOut(ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation("CustomerMessageSent").processInstanceId(pi.getId()).correlate();
    }

    private void customer(ProcessInstance pi, String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).setVariables(variables).correlate();
    }

    @Test
    void praiseIsAcknowledgedThankedAndClosedWithoutAnAgent() {
        ProcessInstance pi = start(null, "praise", "standard");
        assertThat(pi).hasPassedInOrder("RegisterComplaint", "ClassifyComplaint", "ApplySlaPolicy", "SetDeadlines",
                "LinkToOpenIncident", "SendAcknowledgement", "ThankCustomer", "ClosePraise", "PraiseThanked").isEnded();
        assertThat(calls).containsExactly("registerComplaint:RegisterComplaint", "setDeadlines:SetDeadlines",
                "linkToOpenIncident:LinkToOpenIncident", "sendCustomerMessage:SendAcknowledgement", "sendCustomerMessage:ThankCustomer", "closeComplaint:ClosePraise");
    }

    @Test
    void aSuggestionIsEvaluatedByTheProductOwnersAndAnswered() {
        ProcessInstance pi = start("suggestion", "feature", "standard");
        assertThat(pi).isWaitingAt("EvaluateFeedback");
        assertThat(candidateGroups(pi, "EvaluateFeedback")).containsExactly("product-owners");
        complete(pi, "EvaluateFeedback", Map.of("evaluation", "planned"));
        assertThat(pi).hasPassedInOrder("ReplyToFeedback", "CloseEvaluatedFeedback", "FeedbackEvaluated").isEnded();
    }

    @Test
    void aSuggestionsTwoClocksWarnAndRecordTheirBreachesOnTheMinuteWhileItWaits() {
        ProcessInstance pi = start("suggestion", "feature", "standard");
        calls.clear();
        moveTo(Duration.ofMinutes(192).minusSeconds(1));
        assertThat(calls).isEmpty();
        moveTo(Duration.ofMinutes(192));
        assertThat(calls).containsExactly("notifyStaff:WarnStaff/responseWarning");
        moveTo(Duration.ofHours(4));
        assertThat(calls).containsExactly("notifyStaff:WarnStaff/responseWarning",
                "recordBreach:RecordBreach/responseBreached/response", "notifyStaff:TellSupervisors/responseBreached");
        moveTo(Duration.ofMinutes(57 * 60 + 36));
        assertThat(calls).endsWith("notifyStaff:WarnStaff/resolutionWarning");
        moveTo(Duration.ofHours(72));
        assertThat(calls).endsWith("recordBreach:RecordBreach/resolutionBreached/resolution",
                "notifyStaff:TellSupervisors/resolutionBreached");
        assertThat(pi).hasPassed("FirstReplyWarningSent", "FirstReplyBreachReported", "EvaluationWarningSent",
                "EvaluationBreachReported").isWaitingAt("EvaluateFeedback");
    }

    @Test
    void aConfirmedProblemIsDecidedImplementedMarkedResolvedAndWatched() {
        ProcessInstance pi = start("problem", "usage", "standard");
        assertThat(pi).isWaitingAt("ConfirmComplaint");
        assertThat(candidateGroups(pi, "ConfirmComplaint")).containsExactly("agents-l1");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "confirmed"));
        complete(pi, "DecideSolution", Map.of("approvalNeeded", false));
        assertThat(pi).hasNotPassed("ApproveSolution");
        complete(pi, "ImplementSolution", Map.of("implementation", "resolved"));
        assertThat(pi).hasPassedInOrder("SolutionImplemented", "DetermineCompensation", "MarkResolved", "NotifyResolution")
                .hasNotPassed("IssueCompensation").isWaitingAt("AwaitObservation");
        assertThat(calls).containsSubsequence("markResolved:MarkResolved", "sendCustomerMessage:NotifyResolution");
    }

    @Test
    void notAProblemIsExplainedAndClosed() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "notAProblem"));
        assertThat(pi).hasPassedInOrder("ConfirmationDecided", "ExplainNotAProblem", "CloseAsNotAProblem", "ClosedAsNotAProblem")
                .isEnded();
    }

    @Test
    void aDuplicateIsLinkedTheCustomerToldAndItIsClosed() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "duplicate"));
        assertThat(pi).hasPassedInOrder("LinkDuplicate", "NotifyDuplicate", "CloseAsDuplicate", "ClosedAsDuplicate").isEnded();
    }

    @Test
    void aQuestionPausesTheClockOnlyOnceItsMailIsOutAndTheAnswerGoesBackToTheTier() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "needsInformation"));
        assertThat(pi).isWaitingAt("InformationRequestSent");
        assertThat(calls).doesNotContain("pauseResolutionClock:PauseResolutionClock");
        mailGoesOut(pi);
        assertThat(pi).hasPassedInOrder("QuestionSent", "PauseResolutionClock").isWaitingAt("AwaitInformation");
        customer(pi, "InformationReceived", Map.of());
        assertThat(pi).hasPassed("ResumeResolutionClock").isWaitingAt("ReviewInformation");
        complete(pi, "ReviewInformation", Map.of("confirmation", "confirmed"));
        assertThat(pi).isWaitingAt("DecideSolution");
    }

    @Test
    void aQuestionNobodyAnswersClosesTheComplaintAsAbandonedAfterSevenDays() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "needsInformation"));
        mailGoesOut(pi);
        moveTo(Duration.ofDays(7).minusSeconds(1));
        assertThat(pi).isWaitingAt("AwaitInformation");
        moveTo(Duration.ofDays(7));
        assertThat(pi).hasPassedInOrder("InformationTimeout", "CloseAsAbandoned", "ClosedAsAbandoned", "AbandonedComplaintClosed")
                .hasNotPassed("EnterAtAnswer").isEnded();
    }

    @Test
    void theResponseClockWarnsBreachesAndHandsTheTaskToTheSupervisors() {
        ProcessInstance pi = start("problem", "usage", "standard");
        calls.clear();
        moveTo(Duration.ofMinutes(192));
        assertThat(pi).hasPassed("ResponseSlaWarning", "ResponseWarningSent", "WarnStaff").hasNotPassed("ResponseSlaBreached");
        assertThat(calls).containsExactly("notifyStaff:WarnStaff/responseWarning");
        moveTo(Duration.ofHours(4).minusSeconds(1));
        assertThat(pi).hasNotPassed("ResponseSlaBreached");
        moveTo(Duration.ofHours(4));
        assertThat(pi).hasPassed("ResponseSlaBreached", "ResponseBreachReported", "RecordBreach", "TellSupervisors");
        assertThat(calls).endsWith("recordBreach:RecordBreach/responseBreached/response", "notifyStaff:TellSupervisors/responseBreached");
        moveTo(Duration.ofHours(6));
        assertThat(pi).hasPassed("ResponseStillMissing", "HandedToSupervisors", "HandOverToSupervisors").isWaitingAt("ConfirmComplaint");
        assertThat(calls).endsWith("handOverToSupervisors:HandOverToSupervisors/handedOver", "notifyStaff:TellSupervisors/handedOver");
    }

    @Test
    void theResolutionClockWarnsThenEscalatesAndTheNextTierDecidesAgain() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "confirmed"));
        moveTo(Duration.ofMinutes(57 * 60 + 36));
        assertThat(pi).hasPassed("ResolutionSlaWarning", "ResolutionWarningSent", "WarnStaff");
        assertThat(calls).endsWith("notifyStaff:WarnStaff/resolutionWarning");
        moveTo(Duration.ofHours(72));
        assertThat(pi).hasPassedInOrder("ResolutionSlaBreached", "EscalateToNextTier", "TellSupervisorsOfEscalation", "EnterAtSolution")
                .hasNotPassed("EnterAtConfirmationAgain").isWaitingAt("DecideSolution");
        assertThat(candidateGroups(pi, "DecideSolution")).containsExactly("agents-l2");
    }

    @Test
    void aComplaintNobodyConfirmedIsConfirmedAgainAtTheNextTier() {
        ProcessInstance pi = start("problem", "usage", "standard");
        moveTo(Duration.ofHours(72));
        assertThat(pi).hasPassedInOrder("ResolutionSlaBreached", "EscalateToNextTier", "EnterAtConfirmationAgain")
                .hasNotPassed("EnterAtSolution").isWaitingAt("ConfirmComplaint");
        assertThat(candidateGroups(pi, "ConfirmComplaint")).containsExactly("agents-l2");
    }

    @Test
    void aQuestionStillUnsentWhenTheTierRunsOutOfTimeIsNotTakenForAnAnswer() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "needsInformation"));
        assertThat(pi).isWaitingAt("InformationRequestSent");
        moveTo(Duration.ofHours(72));
        assertThat(pi).hasPassed("EnterAtConfirmationAgain").hasNotPassed("ReviewInformation", "PauseResolutionClock")
                .isWaitingAt("ConfirmComplaint");
        assertThat(candidateGroups(pi, "ConfirmComplaint")).containsExactly("agents-l2");
    }

    @Test
    void aTierThatCannotResolveHandsOverToTheNext() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "confirmed"));
        complete(pi, "DecideSolution", Map.of("approvalNeeded", false));
        complete(pi, "ImplementSolution", Map.of("implementation", "cannotResolveAtThisTier"));
        assertThat(pi).hasPassedInOrder("CannotResolveAtTier", "EscalateToNextTier").isWaitingAt("DecideSolution");
        assertThat(candidateGroups(pi, "DecideSolution")).containsExactly("agents-l2");
    }

    @Test
    void aSolutionNeedingApprovalIsApprovedOrSentBack() {
        ProcessInstance pi = start("problem", "usage", "standard");
        complete(pi, "ConfirmComplaint", Map.of("confirmation", "confirmed"));
        complete(pi, "DecideSolution", Map.of("approvalNeeded", true));
        assertThat(candidateGroups(pi, "ApproveSolution")).containsExactly("supervisors");
        complete(pi, "ApproveSolution", Map.of("solutionApproved", false));
        assertThat(pi).isWaitingAt("DecideSolution");
        complete(pi, "DecideSolution", Map.of("approvalNeeded", true));
        complete(pi, "ApproveSolution", Map.of("solutionApproved", true));
        assertThat(pi).isWaitingAt("ImplementSolution");
    }

    @Test
    void compensationWithoutApprovalIsIssued() {
        ProcessInstance pi = startBefore("DetermineCompensation", Map.of("type", "complaint", "priority", "urgent", "segment", "vip",
                "slaBreached", false, "reopened", false));
        assertThat(pi).hasPassedInOrder("IssueCompensation", "MarkResolved", "NotifyResolution").hasNotPassed("ApproveCompensation");
    }

    @Test
    void compensationNeedingApprovalIsIssuedOnlyWhenApproved() {
        Map<String, Object> reopenedVip = Map.of("type", "complaint", "segment", "vip", "slaBreached", false, "reopened", true);
        ProcessInstance approved = startBefore("DetermineCompensation", reopenedVip);
        assertThat(candidateGroups(approved, "ApproveCompensation")).containsExactly("supervisors");
        complete(approved, "ApproveCompensation", Map.of("compensationApproved", true));
        assertThat(approved).hasPassedInOrder("IssueCompensation", "MarkResolved");
        ProcessInstance declined = startBefore("DetermineCompensation", reopenedVip);
        complete(declined, "ApproveCompensation", Map.of("compensationApproved", false));
        assertThat(declined).hasPassed("MarkResolved").hasNotPassed("IssueCompensation");
    }

    @Test
    void aHappyCustomerClosesTheCaseAfterTheObservationPeriodAndTheSurvey() {
        ProcessInstance pi = startBefore("AwaitObservation", Map.of());
        moveTo(Duration.ofDays(3));
        assertThat(pi).isWaitingAt("SurveySent");
        mailGoesOut(pi);
        customer(pi, "SurveyAnswered", Map.of("satisfaction", 5, "reopenRequested", false));
        assertThat(pi).hasPassedInOrder("AssessSurveyAnswer", "AssessIncidentReview", "CloseResolvedComplaint", "ComplaintClosed")
                .hasNotPassed("ReviewReopen", "WriteIncidentReview").isEnded();
    }

    @Test
    void anUnhappyCustomerIsReviewedAndReopenedAtTheNextTierOrClosed() {
        ProcessInstance reopened = startBefore("AwaitSurvey", Map.of());
        customer(reopened, "SurveyAnswered", Map.of("satisfaction", 2, "reopenRequested", false));
        assertThat(candidateGroups(reopened, "ReviewReopen")).containsExactly("supervisors");
        complete(reopened, "ReviewReopen", Map.of("reopen", true));
        assertThat(reopened).hasPassedInOrder("ReopenAtNextTier", "EnterAtSolutionAfterReopening", "Reopened", "ComplaintReopened")
                .hasNotPassed("FollowUpDone").isWaitingAt("DecideSolution");
        assertThat(candidateGroups(reopened, "DecideSolution")).containsExactly("agents-l2");

        ProcessInstance closed = startBefore("AwaitSurvey", Map.of());
        customer(closed, "SurveyAnswered", Map.of("satisfaction", 3, "reopenRequested", true));
        complete(closed, "ReviewReopen", Map.of("reopen", false));
        assertThat(closed).hasPassed("CloseResolvedComplaint").hasNotPassed("ReopenAtNextTier").isEnded();
    }

    @Test
    void theProblemReportedAgainDuringTheObservationPeriodGoesToReview() {
        ProcessInstance pi = startBefore("AwaitObservation", Map.of());
        customer(pi, "ProblemReportedAgain", Map.of());
        assertThat(pi).hasPassed("ProblemReportedAgain").isWaitingAt("ReviewReopen");
    }

    @Test
    void anUnansweredSurveyClosesTheCaseAfterFourteenDays() {
        ProcessInstance pi = startBefore("AwaitSurvey", Map.of());
        moveTo(Duration.ofDays(14).minusSeconds(1));
        assertThat(pi).isWaitingAt("AwaitSurvey");
        moveTo(Duration.ofDays(14));
        assertThat(pi).hasPassedInOrder("SurveyTimeout", "CloseResolvedComplaint").isEnded();
    }

    @Test
    void aSeriousCaseGetsAnIncidentReviewBeforeItCloses() {
        ProcessInstance pi = startBefore("CloseJoin", Map.of("priority", "urgent", "slaBreached", false, "reopened", false,
                "compensationAmount", 0));
        assertThat(candidateGroups(pi, "WriteIncidentReview")).containsExactly("supervisors");
        complete(pi, "WriteIncidentReview", Map.of());
        assertThat(pi).hasPassedInOrder("AssessIncidentReview", "WriteIncidentReview", "CloseResolvedComplaint").isEnded();
    }
}
