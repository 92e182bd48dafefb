package io.complaintflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.feedback.CustomerResponses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through complaint-handling.bpmn, driven the way agents and customers drive it. */
class ComplaintLifecyclePathsTest extends ComplaintFlowTestBase {

    @Autowired CustomerResponses customers;

    private static final Map<String, Object> CONFIRMED = Map.of("confirmation", "confirmed");
    private static final Map<String, Object> SOLUTION = Map.of("solution", "Restarted the payment service",
            "rootCause", "A full connection pool", "approvalNeeded", false);
    private static final Map<String, Object> RESOLVED = Map.of("implementation", "resolved",
            "implementationNote", "Deployed the fix");

    /** Resolves at the current tier and answers the survey with the given satisfaction. */
    private void resolveAndAnswerSurvey(Complaint c, String agent, int satisfaction, boolean reopen) {
        complete(c, "DecideSolution", agent, SOLUTION);
        complete(c, "ImplementSolution", agent, RESOLVED);
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        customers.answerSurvey(reload(c), new CustomerResponses.SurveyAnswer(satisfaction, 9, "fine", reopen));
        executeDueJobs();
    }

    private List<String> passedActivities(Complaint c) {
        String process = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("complaint-handling")
                .processInstanceBusinessKey(c.ticketNumber()).singleResult().getId();
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(process).finished().list()
                .stream().map(a -> a.getActivityId()).toList();
    }

    @Test
    void praiseIsThankedAndClosed() throws Exception {
        Complaint c = submit(null, "praise", "standard");
        // no agent and no wait: the praise is closed right after intake, its two mails follow in jobs of their own
        runLifecycleJobs(c);
        Assertions.assertThat(processOf(c)).isNull();
        Assertions.assertThat(passedActivities(c)).contains("ThankCustomer", "ClosePraise", "PraiseThanked");
        Assertions.assertThat(reload(c).outcome()).isEqualTo("thanked");
        Assertions.assertThat(reload(c).milestones().firstResponseAt()).isNull();
        executeDueJobs();
        Assertions.assertThat(reload(c).milestones().firstResponseAt()).isNotNull();
        Assertions.assertThat(mailSubjects()).containsExactlyInAnyOrder(
                "[" + c.ticketNumber() + "] We have received your message", "[" + c.ticketNumber() + "] Thank you!");
    }

    @Test
    void suggestionIsEvaluatedByProductOwnersAndAnswered() throws Exception {
        Complaint c = submit("suggestion", "feature", "standard");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        assertThat(pi).isWaitingAt("EvaluateFeedback");
        assertThat(pi).task().hasCandidateGroup("product-owners");
        complete(c, "EvaluateFeedback", "product", Map.of("evaluation", "planned", "evaluationNote", "Coming in 3.2"));
        assertThat(pi).hasPassed("ReplyToFeedback", "CloseEvaluatedFeedback").isEnded();
        Assertions.assertThat(reload(c).outcome()).isEqualTo("evaluated");
        Assertions.assertThat(textOf(mail.getReceivedMessages()[1])).contains("Coming in 3.2");
    }

    @Test
    void requirementTakesTheEvaluationPathToo() {
        Complaint c = submit(null, "new-feature", "standard");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        assertThat(pi).isWaitingAt("EvaluateFeedback");
        Assertions.assertThat(reload(c).type()).isEqualTo("requirement");
        complete(c, "EvaluateFeedback", "product", Map.of("evaluation", "declined", "evaluationNote", "Out of scope"));
        assertThat(pi).isEnded();
    }

    @Test
    void notAProblemIsExplainedAndClosed() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        assertThat(pi).isWaitingAt("ConfirmComplaint");
        assertThat(pi).task().hasCandidateGroup("agents-l1");
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "notAProblem",
                "explanation", "The amount shown includes the deposit."));
        assertThat(pi).hasPassed("ExplainNotAProblem", "CloseAsNotAProblem").isEnded();
        Complaint closed = reload(c);
        Assertions.assertThat(closed.outcome()).isEqualTo("notAProblem");
        Assertions.assertThat(closed.milestones().firstResponseAt()).isNotNull();
        Assertions.assertThat(textOf(mail.getReceivedMessages()[1])).contains("includes the deposit");
    }

    @Test
    void duplicateIsLinkedToTheOriginalAndClosed() {
        Complaint original = submit("problem", "usage", "standard");
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "duplicate", "duplicateOf", original.ticketNumber()));
        assertThat(processOf(original)).isWaitingAt("ConfirmComplaint");
        Assertions.assertThat(reload(c).duplicateOf()).isEqualTo(original.ticketNumber());
        Assertions.assertThat(reload(c).outcome()).isEqualTo("duplicate");
        Assertions.assertThat(timelineKinds(original)).contains(EventKind.DUPLICATE);
    }

    @Test
    void duplicateOfAnUnknownTicketIsRefusedAndTheTaskStaysOpen() {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        Assertions.assertThatThrownBy(() -> complete(c, "ConfirmComplaint", "agent1",
                        Map.of("confirmation", "duplicate", "duplicateOf", "CF-2020-999999")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("There is no ticket CF-2020-999999");
        assertThat(processOf(c)).isWaitingAt("ConfirmComplaint");
    }

    @Test
    void informationRequestWaitsForTheCustomerThenConfirmsAgain() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "informationRequest", "Which browser do you use?"));
        assertThat(pi).isWaitingAt("AwaitInformation");
        Assertions.assertThat(textOf(mail.getReceivedMessages()[1])).contains("Which browser");
        customers.answerInformationRequest(reload(c), "Chrome 130");
        assertThat(pi).isWaitingAt("ReviewInformation");
        Assertions.assertThat(timelineKinds(c)).contains(EventKind.INFORMATION_REQUESTED, EventKind.CUSTOMER_REPLIED);
        complete(c, "ReviewInformation", "agent1", CONFIRMED);
        assertThat(pi).isWaitingAt("DecideSolution");
    }

    @Test
    void unansweredInformationRequestClosesTheComplaintAsAbandoned() {
        Complaint c = submit("problem", "usage", "standard");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation", "informationRequest", "?"));
        moveClockBy(Duration.ofDays(6));
        assertThat(pi).isWaitingAt("AwaitInformation");
        moveClockBy(Duration.ofDays(1).plusMinutes(1));
        assertThat(pi).hasPassed("InformationTimeout", "CloseAsAbandoned").isEnded();
        Assertions.assertThat(reload(c).outcome()).isEqualTo("abandoned");
    }

    @Test
    void happyPathFromIntakeToClosedWithoutCompensationOrReview() throws Exception {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        assertThat(pi).isWaitingAt("DecideSolution");
        assertThat(pi).task().hasCandidateGroup("agents-l1");
        Assertions.assertThat(runtimeService.getVariables(pi.getId()).keySet())
                .as("only keys and routing values: no personal data, no raw decision results")
                .contains("complaintId", "priority", "tier", "candidateGroup")
                .doesNotContain("triageResult", "slaResult", "subject", "description", "customerName", "solution",
                        "ticketNumber", "channel", "responseDue", "resolutionDue");
        complete(c, "DecideSolution", "agent1", SOLUTION);
        assertThat(pi).hasNotPassed("ApproveSolution").isWaitingAt("ImplementSolution");
        complete(c, "ImplementSolution", "agent1", RESOLVED);
        assertThat(pi).hasPassed("DetermineCompensation", "NotifyResolution").hasNotPassed("IssueCompensation")
                .isWaitingAt("AwaitObservation");
        Assertions.assertThat(reload(c).status()).isEqualTo("RESOLVED");
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("compensationResult", "solution", "rootCause");
        moveClockBy(Duration.ofDays(2));
        assertThat(pi).isWaitingAt("AwaitObservation");
        moveClockBy(Duration.ofDays(1).plusMinutes(1));
        assertThat(pi).isWaitingAt("AwaitSurvey");
        customers.answerSurvey(reload(c), new CustomerResponses.SurveyAnswer(5, 10, "great", false));
        executeDueJobs();
        assertThat(pi).hasPassed("AssessIncidentReview").hasNotPassed("ReviewReopen", "WriteIncidentReview").isEnded();
        Complaint closed = reload(c);
        Assertions.assertThat(closed.outcome()).isEqualTo("resolved");
        Assertions.assertThat(closed.milestones().confirmedAt()).isNotNull();
        Assertions.assertThat(closed.milestones().solutionDecidedAt()).isNotNull();
        Assertions.assertThat(closed.milestones().implementedAt()).isNotNull();
        Assertions.assertThat(closed.milestones().resolvedAt()).isNotNull();
        Assertions.assertThat(closed.milestones().closedAt()).isNotNull();
        Assertions.assertThat(mailSubjects()).containsExactly(
                "[" + c.ticketNumber() + "] We have received your message",
                "[" + c.ticketNumber() + "] Your complaint has been resolved",
                "[" + c.ticketNumber() + "] How did we do?");
    }

    @Test
    void supervisorApprovesTheSolution() {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        complete(c, "DecideSolution", "agent1", Map.of("solution", "Refund the fee", "rootCause", "Double booking",
                "approvalNeeded", true));
        assertThat(pi).isWaitingAt("ApproveSolution");
        assertThat(pi).task().hasCandidateGroup("supervisors");
        complete(c, "ApproveSolution", "supervisor", Map.of("solutionApproved", "true"));
        assertThat(pi).isWaitingAt("ImplementSolution");
        Assertions.assertThat(timelineKinds(c)).contains(EventKind.SOLUTION_APPROVED);
    }

    @Test
    void supervisorSendsTheSolutionBackToTheTier() {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        complete(c, "DecideSolution", "agent1", Map.of("solution", "Rewrite the module", "rootCause", "Old code",
                "approvalNeeded", true));
        complete(c, "ApproveSolution", "supervisor", Map.of("solutionApproved", "false", "approvalNote", "Too costly"));
        assertThat(pi).isWaitingAt("DecideSolution");
        assertThat(pi).task().hasCandidateGroup("agents-l1");
        Assertions.assertThat(timelineKinds(c)).contains(EventKind.SOLUTION_SENT_BACK);
    }

    @Test
    void eachTierHandsOverToTheNextUpToTheSupervisors() {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        Map<String, Object> cannot = Map.of("implementation", "cannotResolveAtThisTier", "implementationNote", "Beyond us");
        String[][] tiers = {{"agent1", "agents-l2", "L2"}, {"agent2", "agents-l3", "L3"}, {"agent3", "supervisors", "SUPERVISOR"}};
        for (String[] step : tiers) {
            complete(c, "DecideSolution", step[0], SOLUTION);
            complete(c, "ImplementSolution", step[0], cannot);
            assertThat(pi).isWaitingAt("DecideSolution");
            assertThat(pi).task().hasCandidateGroup(step[1]);
            Assertions.assertThat(reload(c).tier()).isEqualTo(step[2]);
        }
        Assertions.assertThat(reload(c).escalationCount()).isEqualTo(3);
        complete(c, "DecideSolution", "supervisor", SOLUTION);
        complete(c, "ImplementSolution", "supervisor", RESOLVED);
        assertThat(pi).isWaitingAt("AwaitObservation");
    }

    @Test
    void urgentVipComplaintGetsPointsWithoutApprovalAndAnIncidentReview() throws Exception {
        Complaint c = submit("complaint", "outage", "vip");
        ProcessInstance pi = processOf(c);
        Assertions.assertThat(c.priority()).isEqualTo("urgent");
        executeDueJobs();
        assertThat(pi).task().hasCandidateGroup("agents-l2");
        complete(c, "ConfirmComplaint", "agent2", CONFIRMED);
        resolveAndAnswerSurvey(c, "agent2", 4, false);
        assertThat(pi).hasPassed("IssueCompensation").hasNotPassed("ApproveCompensation").isWaitingAt("WriteIncidentReview");
        Complaint compensated = reload(c);
        Assertions.assertThat(compensated.compensationKind()).isEqualTo("points");
        Assertions.assertThat(compensated.compensationAmount()).isEqualByComparingTo("500");
        Assertions.assertThat(compensated.compensationStatus()).isEqualTo("ISSUED");
        Assertions.assertThat(textOf(mail.getReceivedMessages()[1])).contains("500 points");
        Assertions.assertThat((String) shownOnForm(task(c, "WriteIncidentReview").getId(), "history"))
                .contains(EventKind.RECEIVED, EventKind.CONFIRMED, EventKind.IMPLEMENTED);
        complete(c, "WriteIncidentReview", "supervisor", Map.of("rootCauseCategory", "product-defect", "severity", "major",
                "impactScope", "All VIP users in one region", "cause", "Expired certificate",
                "preventiveActions", "Alert 30 days before expiry"));
        assertThat(pi).isEnded();
        Assertions.assertThat(timelineKinds(c)).contains(EventKind.INCIDENT_REVIEW_WRITTEN, EventKind.CLOSED);
    }

    @Test
    void unhappyCustomerIsReviewedAndTheSupervisorCloses() {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        resolveAndAnswerSurvey(c, "agent1", 2, false);
        assertThat(pi).isWaitingAt("ReviewReopen");
        assertThat(pi).task().hasCandidateGroup("supervisors");
        complete(c, "ReviewReopen", "supervisor", Map.of("reopen", "false", "reviewNote", "Solved; price complaint only"));
        assertThat(pi).hasNotPassed("ReopenAtNextTier", "WriteIncidentReview").isEnded();
    }

    @Test
    void reopenedVipComplaintMovesUpATierAndItsCompensationNeedsApproval() {
        Complaint c = submit("complaint", "usage", "vip");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", CONFIRMED);
        resolveAndAnswerSurvey(c, "agent1", 3, true);
        complete(c, "ReviewReopen", "supervisor", Map.of("reopen", "true", "reviewNote", "The error is back"));
        assertThat(pi).hasPassed("ReopenAtNextTier").isWaitingAt("DecideSolution");
        assertThat(pi).task().hasCandidateGroup("agents-l2");
        Assertions.assertThat(reload(c).reopenCount()).isEqualTo(1);
        Assertions.assertThat(reload(c).status()).isEqualTo("REOPENED");
        complete(c, "DecideSolution", "agent2", SOLUTION);
        complete(c, "ImplementSolution", "agent2", RESOLVED);
        assertThat(pi).isWaitingAt("ApproveCompensation");
        complete(c, "ApproveCompensation", "supervisor", Map.of("compensationApproved", "true", "compensationAmount", 60));
        assertThat(pi).hasPassed("IssueCompensation");
        Assertions.assertThat(reload(c).compensationAmount()).isEqualByComparingTo("60");
        Assertions.assertThat(reload(c).compensationStatus()).isEqualTo("ISSUED");
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        customers.answerSurvey(reload(c), new CustomerResponses.SurveyAnswer(5, 10, null, false));
        executeDueJobs();
        assertThat(pi).isWaitingAt("WriteIncidentReview");
    }

    @Test
    void supervisorDeclinesTheCompensation() {
        Complaint c = submit("complaint", "usage", "vip");
        ProcessInstance pi = processOf(c);
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", CONFIRMED);
        resolveAndAnswerSurvey(c, "agent1", 1, false);
        complete(c, "ReviewReopen", "supervisor", Map.of("reopen", "true", "reviewNote", "Try again"));
        complete(c, "DecideSolution", "agent2", SOLUTION);
        complete(c, "ImplementSolution", "agent2", RESOLVED);
        complete(c, "ApproveCompensation", "supervisor", Map.of("compensationApproved", "false", "compensationAmount", 80));
        assertThat(pi).isWaitingAt("AwaitObservation");
        Assertions.assertThat(reload(c).compensationStatus()).isEqualTo("DECLINED");
        Assertions.assertThat(jdbc.queryForList("SELECT round FROM compensation_voucher WHERE complaint_id = ?",
                Integer.class, c.id())).as("only the first round's coupon was issued").containsExactly(0);
    }

    @Test
    void unansweredSurveyClosesTheComplaint() {
        Complaint c = confirmedGeneralProblem();
        ProcessInstance pi = processOf(c);
        complete(c, "DecideSolution", "agent1", SOLUTION);
        complete(c, "ImplementSolution", "agent1", RESOLVED);
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        assertThat(pi).isWaitingAt("AwaitSurvey");
        moveClockBy(Duration.ofDays(14).plusMinutes(1));
        assertThat(pi).hasPassed("SurveyTimeout").isEnded();
        Assertions.assertThat(reload(c).outcome()).isEqualTo("resolved");
    }

    @Test
    void camundasHistoryKeepsNoVariablesAndNoRoutineJobLog() {
        Complaint c = confirmedGeneralProblem();
        String process = processOf(c).getId();
        // no ACT_HI_VARINST nor ACT_HI_DETAIL rows: the timeline and our tables tell what happened
        Assertions.assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process).count()).isZero();
        Assertions.assertThat(historyService.createHistoricDetailQuery().processInstanceId(process).count()).isZero();
        // nor the job log's routine entries: the hand-over job ran, five SLA timers were armed, none failed
        Assertions.assertThat(historyService.createHistoricJobLogQuery().processInstanceId(process).count()).isZero();
        // the activities are history as Camunda writes it, and the open task shows the complaint
        Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("ConfirmComplaint").finished().count()).isEqualTo(1);
        Assertions.assertThat(shownOnForm(task(c, "DecideSolution").getId(), "customerName")).isEqualTo("Mei Lin");
    }

    @Test
    void theFormsShowTheComplaintsCodesInBothLanguagesAndNoSubmitTurnsThemIntoRoutingValues() {
        Complaint c = confirmedGeneralProblem();
        String decide = task(c, "DecideSolution").getId();
        Assertions.assertThat(List.of("type", "category", "priority", "tier", "channel")).extracting(name -> shownOnForm(decide, name))
                .containsExactly("problem · 问题", "usage · 使用咨询", "general · 一般", "L1 · 一线", "web · 网页");
        // an administrator's Tasklist sends the form's read-only fields back with the decision: they are dropped
        engine.getIdentityService().setAuthentication("an-administrator", List.of("camunda-admin"));
        try {
            taskService.complete(decide, Map.of("solution", "Cleared the cache", "rootCause", "Stale cache", "approvalNeeded", false,
                    "type", "problem · 问题", "priority", "general · 一般", "tier", "L1 · 一线"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        Assertions.assertThat(runtimeService.getVariables(processOf(c).getId(), List.of("type", "priority", "tier")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("type", "problem", "priority", "general", "tier", "L1"));
        Assertions.assertThat(task(c, "ImplementSolution")).isNotNull();
    }
}
