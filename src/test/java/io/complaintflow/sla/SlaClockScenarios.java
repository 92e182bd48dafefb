package io.complaintflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.feedback.CustomerResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The SLA clocks driven by the engine clock: every row of the SLA table, warnings, breaches, escalation tier
 * by tier, the grace hand-over, pause and resume, business hours, a redeployed table, and retried jobs.
 * Subclasses run it on H2 and on real PostgreSQL.
 */
abstract class SlaClockScenarios extends ComplaintFlowTestBase {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String SUPERVISOR = "supervisor@complaintflow.local";
    static final Map<String, Object> CONFIRMED = Map.of("confirmation", "confirmed");

    @Autowired SlaText slaText;
    @Autowired SlaStatusView slaStatus;
    @Autowired SlaRecords slaRecords;
    @Autowired CustomerResponses customers;
    @Autowired RepositoryService repositoryService;
    @MockitoSpyBean Timeline timelineSpy;

    Instant t0;

    @BeforeEach
    void startOnAMondayMorning() {
        t0 = at("2027-03-08T10:00");
        ClockUtil.setCurrentTime(Date.from(t0));
    }

    static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }

    /** One row of the table for problems, with the triage category that reaches it. */
    record Row(String name, String category, String segment, String tier, Duration respond, Duration resolve, int warnPercent,
               Duration grace, Duration escalatedResolve, String nextTier) {
        String agentOf(String tierName) {
            return switch (tierName) {
                case "L1" -> "agent1@complaintflow.local";
                case "L2" -> "agent2@complaintflow.local";
                default -> "agent3@complaintflow.local";
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> problemRows() {
        return Stream.of(
                new Row("VIP urgent", "outage", "vip", "L2", Duration.ofMinutes(10), Duration.ofHours(1), 75,
                        Duration.ofMinutes(10), Duration.ofMinutes(30), "L3"),
                new Row("VIP important", "performance", "vip", "L2", Duration.ofMinutes(30), Duration.ofHours(12), 75,
                        Duration.ofMinutes(30), Duration.ofHours(4), "L3"),
                new Row("VIP general", "usage", "vip", "L1", Duration.ofHours(2), Duration.ofHours(36), 75,
                        Duration.ofHours(1), Duration.ofHours(12), "L2"),
                new Row("urgent", "outage", "standard", "L2", Duration.ofMinutes(15), Duration.ofHours(2), 75,
                        Duration.ofMinutes(15), Duration.ofHours(1), "L3"),
                new Row("important", "payment", "standard", "L1", Duration.ofHours(1), Duration.ofHours(24), 80,
                        Duration.ofHours(1), Duration.ofHours(8), "L2"),
                new Row("general", "usage", "standard", "L1", Duration.ofHours(4), Duration.ofHours(72), 80,
                        Duration.ofHours(2), Duration.ofHours(24), "L2"));
    }

    private static Duration percent(Duration d, int percent) {
        return d.multipliedBy(percent).dividedBy(100);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problemRows")
    void everyRowWarnsBreachesHandsOverAndEscalatesOnTheMinute(Row row) throws Exception {
        Complaint c = submit("problem", row.category(), row.segment());
        executeDueJobs();
        Complaint triaged = reload(c);
        assertThat(triaged.tier()).isEqualTo(row.tier());
        assertThat(triaged.milestones().firstResponseDue().toInstant()).isEqualTo(t0.plus(row.respond()));
        assertThat(triaged.milestones().resolutionDue().toInstant()).isEqualTo(t0.plus(row.resolve()));
        assertThat(triaged.slaDecisionVersion()).isNotNull();
        assertThat(task(c, "ConfirmComplaint").getDueDate().toInstant()).isEqualTo(t0.plus(row.respond()));
        assertThat(slaStatus.of(c.id()).response().state()).isEqualTo(SlaStatus.State.ON_TRACK);

        // warning: to the queue of the tier, not a minute early
        Instant responseWarning = t0.plus(percent(row.respond(), row.warnPercent()));
        moveClockTo(responseWarning.minusSeconds(60));
        assertThat(mailsAbout("first response due soon")).isEmpty();
        moveClockTo(responseWarning);
        assertThat(mailsAbout("first response due soon")).singleElement()
                .satisfies(m -> assertThat(recipients(m)).containsExactly(row.agentOf(row.tier())));
        assertThat(slaStatus.of(c.id()).response().state()).isEqualTo(SlaStatus.State.WARNING);

        // breach: recorded, supervisors told, the task moves up the queue
        moveClockTo(t0.plus(row.respond()).minusSeconds(1));
        assertThat(reload(c).slaBreached()).isFalse();
        moveClockTo(t0.plus(row.respond()));
        assertThat(reload(c).slaBreached()).isTrue();
        assertThat(slaRecords.get(c.id()).responseBreachedAt().toInstant()).isEqualTo(t0.plus(row.respond()));
        assertThat(mailsAbout("first response deadline missed")).singleElement()
                .satisfies(m -> assertThat(recipients(m)).containsExactly(SUPERVISOR));
        Task confirm = task(c, "ConfirmComplaint");
        assertThat(confirm.getPriority()).isEqualTo(90);
        assertThat(shownOnForm(confirm.getId(), "responseDueText").toString()).startsWith("BREACHED")
                .contains(" ｜ 已超时：").endsWith("，已于 " + slaText.moment(slaRecords.get(c.id()).responseBreachedAt()) + " 超时");

        // grace over and still untouched: the supervisors take the task
        taskService.claim(confirm.getId(), "agent1".equals(row.agentOf(row.tier()).split("@")[0]) ? "agent1" : "agent2");
        moveClockTo(t0.plus(row.respond()).plus(row.grace()));
        confirm = task(c, "ConfirmComplaint");
        assertThat(confirm.getAssignee()).isNull();
        assertThat(candidateGroups(confirm)).containsExactly("supervisors");
        assertThat(mailsAbout("handed to the supervisors")).hasSize(1);
        assertThat(timelineKinds(c)).containsOnlyOnce(EventKind.HANDED_TO_SUPERVISORS);

        // resolution warning, then the breach escalates one tier with the escalation row's fresh deadline
        moveClockTo(t0.plus(percent(row.resolve(), row.warnPercent())));
        assertThat(mailsAbout("resolution due soon")).hasSize(1);
        Instant resolutionDue = t0.plus(row.resolve());
        moveClockTo(resolutionDue.minusSeconds(1));
        assertThat(reload(c).tier()).isEqualTo(row.tier());
        moveClockTo(resolutionDue);
        Complaint escalated = reload(c);
        assertThat(escalated.tier()).isEqualTo(row.nextTier());
        assertThat(escalated.escalationCount()).isEqualTo(1);
        assertThat(escalated.milestones().resolutionDue().toInstant()).isEqualTo(resolutionDue.plus(row.escalatedResolve()));
        assertThat(mailsAbout("escalated to the next tier")).singleElement()
                .satisfies(m -> assertThat(recipients(m)).containsExactly(SUPERVISOR));
        SlaStatus sla = slaStatus.of(c.id());
        assertThat(sla.resolution().state()).isEqualTo(SlaStatus.State.BREACHED);
        assertThat(sla.resolution().remainingMinutes()).isEqualTo(row.escalatedResolve().toMinutes());
        assertThat(sla.escalationLevel()).isEqualTo(1);
        // nobody has answered yet, so the re-created confirm task goes straight back to the supervisors, quietly
        assertThat(candidateGroups(task(c, "ConfirmComplaint"))).containsExactly("supervisors");
        assertThat(mailsAbout("first response deadline missed")).hasSize(1);
        assertThat(timelineKinds(c).stream().filter(EventKind.SLA_BREACHED::equals)).hasSize(2);
    }

    private long staffNoticesFor(Complaint c) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("staff-notice")
                .processInstanceBusinessKey(c.ticketNumber()).count();
    }

    @Test
    void aMailServerDownFromIntakeOnNeitherHidesTheComplaintNorStopsItsClocks() throws Exception {
        jobsMayFail = true;
        mail.stop();
        Complaint c = submit("problem", "usage", "standard");
        try {
            executeDueJobs();
            // in the L1 queue at once, with its deadline, although the acknowledgement has not gone out
            Task confirm = task(c, "ConfirmComplaint");
            assertThat(candidateGroups(confirm)).containsExactly("agents-l1");
            assertThat(confirm.getDueDate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(4)));
            assertThat(shownOnForm(confirm.getId(), "history").toString())
                    .startsWith("NOT YET SENT to the customer: acknowledgement\n");
            // three attempts five minutes apart, then an incident on the mail, none on the complaint
            moveClockTo(t0.plus(Duration.ofMinutes(10)));
            assertThat(runtimeService.createIncidentQuery().count()).isZero();
            moveClockTo(t0.plus(Duration.ofMinutes(15)));
            assertThat(runtimeService.createIncidentQuery().activityId("SendCustomerMail").count()).isEqualTo(1);
            assertThat(runtimeService.createIncidentQuery().processInstanceId(processOf(c).getId()).count()).isZero();

            // response clock: warning at 80 % of 4 h, breach at 4 h, hand-over after 2 h of grace, on the second
            moveClockTo(t0.plus(Duration.ofMinutes(192)).minusSeconds(1));
            assertThat(staffNoticesFor(c)).isZero();
            moveClockTo(t0.plus(Duration.ofMinutes(192)));
            assertThat(staffNoticesFor(c)).isEqualTo(1);
            assertThat(slaStatus.of(c.id()).response().state()).isEqualTo(SlaStatus.State.WARNING);
            assertThat(shownOnForm(task(c, "ConfirmComplaint").getId(), "responseDueText"))
                    .isEqualTo("WARNING · due 2027-03-08 14:00 (Asia/Shanghai) · 48 min left at 13:12"
                            + " ｜ 预警：2027-03-08 14:00 (Asia/Shanghai) 到期，13:12 时剩余 48 分钟");
            moveClockTo(t0.plus(Duration.ofHours(4)));
            assertThat(slaRecords.get(c.id()).responseBreachedAt().toInstant()).isEqualTo(t0.plus(Duration.ofHours(4)));
            assertThat(task(c, "ConfirmComplaint").getPriority()).isEqualTo(90);
            moveClockTo(t0.plus(Duration.ofHours(6)));
            assertThat(candidateGroups(task(c, "ConfirmComplaint"))).containsExactly("supervisors");

            // resolution clock: warning at 57 h 36 min, escalation to L2 at 72 h
            moveClockTo(t0.plus(Duration.ofMinutes(57 * 60 + 36)));
            assertThat(staffNoticesFor(c)).isEqualTo(2);
            moveClockTo(t0.plus(Duration.ofHours(72)).minusSeconds(1));
            assertThat(reload(c).tier()).isEqualTo("L1");
            moveClockTo(t0.plus(Duration.ofHours(72)));
            assertThat(reload(c).tier()).isEqualTo("L2");
            assertThat(reload(c).escalationCount()).isEqualTo(1);
            // every mail has used up its three attempts by now: each is an incident of its own
            moveClockTo(t0.plus(Duration.ofHours(72)).plus(Duration.ofMinutes(15)));
            assertThat(runtimeService.createIncidentQuery().list()).extracting(i -> i.getActivityId())
                    .containsExactlyInAnyOrder("SendCustomerMail", "SendStaffNotice", "SendStaffNotice", "SendSupervisorDigest");
            assertThat(runtimeService.createIncidentQuery().processInstanceId(processOf(c).getId()).count()).isZero();
            assertThat(mail.getReceivedMessages()).isEmpty();
        } finally {
            mail.start();
        }
        // the server is back: "Retry" on the incidents delivers every waiting mail, each once
        retryIncidents();
        assertThat(mailsAbout("We have received your message")).hasSize(1);
        assertThat(mailsAbout("first response due soon")).hasSize(1);
        assertThat(mailsAbout("resolution due soon")).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(timelineSpy.mailsWaiting(c.id())).isEmpty();
    }

    /** The SMTP server goes down; at 1 h the L1 agent asks the customer a question, which cannot go out. */
    private void askAtOneHourWithTheMailServerDown(Complaint c) {
        jobsMayFail = true;
        mail.stop();
        moveClockTo(t0.plus(Duration.ofHours(1)));
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "informationRequest", "Which browser do you use?"));
    }

    /** The question's mail instance, once its three attempts (1 h, 1 h 05, 1 h 10) are used up: an incident. */
    private String questionStuckAsAnIncident(Complaint c) {
        askAtOneHourWithTheMailServerDown(c);
        String question = runtimeService.createProcessInstanceQuery().processDefinitionKey("customer-message")
                .processInstanceBusinessKey(c.ticketNumber()).singleResult().getId();
        moveClockBy(Duration.ofMinutes(5));
        moveClockBy(Duration.ofMinutes(5));
        assertThat(runtimeService.createIncidentQuery().processInstanceId(question).count())
                .as("the question's three attempts are used up by 1 h 10 min").isEqualTo(1);
        return question;
    }

    @Test
    void aQuestionThatCannotGoOutLeavesTheResolutionClockRunningUntilItHasGoneOut() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        try {
            askAtOneHourWithTheMailServerDown(c);
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("InformationRequestSent");
            assertThat(timelineSpy.mailsWaiting(c.id())).containsExactly("informationRequest");
            assertThat(slaStatus.of(c.id()).resolution().state()).isEqualTo(SlaStatus.State.ON_TRACK);
            moveClockTo(t0.plus(Duration.ofMinutes(57 * 60 + 36)));
            assertThat(slaStatus.of(c.id()).resolution().state()).isEqualTo(SlaStatus.State.WARNING);
            assertThat(staffNoticesFor(c)).isEqualTo(1);
        } finally {
            mail.start();
        }
        // the server is back at 58 h: the question's next attempt (due since 57 h 41 min) goes out
        moveClockTo(t0.plus(Duration.ofHours(58)));
        // told to the L1 queue, as no task is open while the question waits to go out
        assertThat(mailsAbout("resolution due soon")).singleElement()
                .satisfies(m -> assertThat(recipients(m)).containsExactly("agent1@complaintflow.local"));
        // the question has gone out: now the clock waits for the customer, with the 14 h that were left
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("AwaitInformation");
        SlaStatus paused = slaStatus.of(c.id());
        assertThat(paused.resolution().state()).isEqualTo(SlaStatus.State.PAUSED);
        assertThat(paused.resolution().remainingMinutes()).isEqualTo(14 * 60);
        assertThat(mailsAbout("")).filteredOn(m -> textOf(m).contains("Which browser do you use?")).hasSize(1);
        assertThat(timelineSpy.mailsWaiting(c.id())).isEmpty();
    }

    @Test
    void aQuestionStillUnsentWhenTheTierRunsOutIsWithdrawnAndTheNextTierConfirmsAnew() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        try {
            String question = questionStuckAsAnIncident(c);
            moveClockTo(t0.plus(Duration.ofHours(72)).minusSeconds(1));
            assertThat(reload(c).tier()).isEqualTo("L1");
            assertThat(timelineSpy.mailsWaiting(c.id())).containsExactly("informationRequest");

            // the resolution deadline escalates the complaint while the question still waits to go out
            moveClockTo(t0.plus(Duration.ofHours(72)));
            assertThat(reload(c).tier()).isEqualTo("L2");
            // confirmed anew at L2; its first response, overdue since 4 h and past the grace, keeps it with the supervisors
            assertThat(candidateGroups(task(c, "ConfirmComplaint"))).containsExactly("supervisors");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(question).count()).isZero();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(question).count()).isZero();
            assertThat(managementService.createJobQuery().processInstanceId(question).count()).isZero();
            assertThat(timeline.of(c.id())).filteredOn(e -> EventKind.MAIL_WITHDRAWN.equals(e.kind()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.detail()).isEqualTo("informationRequest");
                        assertThat(e.at().toInstant()).isEqualTo(t0.plus(Duration.ofHours(72)));
                    });
            assertThat(timelineSpy.mailsWaiting(c.id())).isEmpty();
        } finally {
            mail.start();
        }
        // the server is back: every other waiting mail goes out on "Retry", the withdrawn question never does
        retryIncidents();
        assertThat(mailsAbout("resolution due soon")).hasSize(1);
        assertThat(mailsAbout("")).noneMatch(m -> textOf(m).contains("Which browser do you use?"));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void aQuestionThatWentOutThoughItsJobThenFailedIsNotCalledWithdrawn() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        try {
            String question = questionStuckAsAnIncident(c);
            // as SentMessages does when the send succeeded and the job's own transaction failed after it
            String key = (String) runtimeService.getVariable(question, "messageKey");
            jdbc.update("INSERT INTO sent_message (message_key, complaint_id, sent_at) VALUES (?, ?, CURRENT_TIMESTAMP)", key, c.id());
            timeline.record(c.id(), Timeline.SYSTEM, EventKind.MAIL_SENT, "informationRequest");
            moveClockTo(t0.plus(Duration.ofHours(72)));
            assertThat(reload(c).tier()).isEqualTo("L2");
            assertThat(timelineKinds(c)).doesNotContain(EventKind.MAIL_WITHDRAWN);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(question).count())
                    .as("left to end by itself").isEqualTo(1);
        } finally {
            mail.start();
        }
        retryIncidents();
        moveClockBy(Duration.ofMinutes(5));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("customer-message").count()).isZero();
        assertThat(mailsAbout("")).noneMatch(m -> textOf(m).contains("Which browser do you use?"));
        assertThat(timelineSpy.mailsWaiting(c.id())).isEmpty();
    }

    @Test
    void anUnresolvedUrgentComplaintClimbsTierByTierWithAFreshDeadlineEachTime() {
        Complaint c = submit("problem", "outage", "standard");
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent2", CONFIRMED);
        Instant due = t0.plus(Duration.ofHours(2));
        String[][] steps = {{"L3", "agents-l3"}, {"SUPERVISOR", "supervisors"}, {"SUPERVISOR", "supervisors"}};
        for (int i = 0; i < steps.length; i++) {
            moveClockTo(due);
            Complaint now = reload(c);
            assertThat(now.tier()).isEqualTo(steps[i][0]);
            assertThat(now.escalationCount()).isEqualTo(i + 1);
            due = due.plus(Duration.ofHours(1));
            Task decide = task(c, "DecideSolution");
            assertThat(candidateGroups(decide)).containsExactly(steps[i][1]);
            assertThat(decide.getDueDate().toInstant()).isEqualTo(due);
        }
        assertThat(mailsAbout("escalated to the next tier")).hasSize(3);
        assertThat(slaRecords.get(c.id()).escalationLevel()).isEqualTo(2);
        assertThat(runtimeService.getVariables(processOf(c).getId())).as("keys and routing values only: the timers read the row")
                .containsKeys("complaintId", "type", "priority", "tier", "candidateGroup", "segment")
                .doesNotContainKeys("responseDue", "responseWarnAt", "responseHandOverAt", "resolutionDue", "resolutionWarnAt",
                        "ticketNumber", "declaredType", "category", "channel");
    }

    @Test
    void aVipUrgentCaseSkipsL2AsItsEscalationChainSays() {
        Complaint c = submit("problem", "payment", "vip");
        executeDueJobs();
        assertThat(reload(c).tier()).isEqualTo("L1");
        complete(c, "ConfirmComplaint", "agent1", CONFIRMED);
        moveClockTo(t0.plus(Duration.ofHours(1)));
        assertThat(reload(c).tier()).isEqualTo("L3");
        assertThat(reload(c).milestones().resolutionDue().toInstant()).isEqualTo(t0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void cannotResolveAtThisTierTakesTheSameEscalationPath() {
        Complaint c = confirmedGeneralProblem();
        moveClockTo(t0.plus(Duration.ofHours(5)));
        complete(c, "DecideSolution", "agent1", Map.of("solution", "Try again", "rootCause", "?", "approvalNeeded", false));
        complete(c, "ImplementSolution", "agent1", Map.of("implementation", "cannotResolveAtThisTier"));
        Complaint escalated = reload(c);
        assertThat(escalated.tier()).isEqualTo("L2");
        assertThat(escalated.slaBreached()).isFalse();
        assertThat(escalated.milestones().resolutionDue().toInstant()).isEqualTo(t0.plus(Duration.ofHours(5 + 24)));
        assertThat(mailsAbout("escalated to the next tier")).hasSize(1);
    }

    @Test
    void waitingForTheCustomerPausesTheResolutionClockAndAnswerResumesItWithTheTimeLeft() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        moveClockTo(t0.plus(Duration.ofHours(1)));
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "informationRequest", "Which browser do you use?"));
        SlaStatus paused = slaStatus.of(c.id());
        assertThat(paused.resolution().state()).isEqualTo(SlaStatus.State.PAUSED);
        assertThat(paused.resolution().remainingMinutes()).isEqualTo(71 * 60);
        assertThat(paused.response().state()).isEqualTo(SlaStatus.State.MET);

        // four days without an answer: far past the original deadline, nothing escalates
        moveClockTo(t0.plus(Duration.ofHours(101)));
        assertThat(reload(c).tier()).isEqualTo("L1");
        assertThat(mailsAbout("resolution")).isEmpty();

        customers.answerInformationRequest(reload(c), "Chrome 130");
        executeDueJobs();
        Instant resumedDue = t0.plus(Duration.ofHours(101 + 71));
        assertThat(task(c, "ReviewInformation").getDueDate().toInstant()).isEqualTo(resumedDue);
        assertThat(slaStatus.of(c.id()).resolution().state()).isEqualTo(SlaStatus.State.ON_TRACK);
        assertThat(timelineKinds(c)).contains(EventKind.SLA_PAUSED, EventKind.SLA_RESUMED);

        // the warning comes with the warning time that was left: 80 % of 72 h is 57 h 36 min after intake
        moveClockTo(t0.plus(Duration.ofHours(101)).plus(Duration.ofMinutes(57 * 60 + 36 - 60)));
        assertThat(mailsAbout("resolution due soon")).hasSize(1);
        moveClockTo(resumedDue.minusSeconds(60));
        assertThat(reload(c).tier()).isEqualTo("L1");
        moveClockTo(resumedDue);
        assertThat(reload(c).tier()).isEqualTo("L2");
    }

    @Test
    void businessHoursSkipTheWeekendAndAHolidayAndTasklistShowsTheRealDueDate() {
        ClockUtil.setCurrentTime(Date.from(at("2027-02-26T16:00")));
        Complaint c = submit("suggestion", "feature", "standard");
        executeDueJobs();
        Task evaluate = task(c, "EvaluateFeedback");
        // 168 working hours: Friday 2 h, Monday 1 March off, then 18 working days of 9 h and 4 h more
        assertThat(evaluate.getDueDate().toInstant()).isEqualTo(at("2027-03-26T13:00"));
        assertThat(reload(c).milestones().firstResponseDue().toInstant()).isEqualTo(at("2027-03-04T13:00"));

        // 80 % of the 24-hour first reply is 19 h 12 min of office time: Wednesday 17:12
        moveClockTo(at("2027-03-03T17:11"));
        assertThat(mailsAbout("first response due soon")).isEmpty();
        moveClockTo(at("2027-03-03T17:12"));
        assertThat(mailsAbout("first response due soon")).singleElement()
                .satisfies(m -> assertThat(recipients(m)).containsExactly("product@complaintflow.local"));
        moveClockTo(at("2027-03-04T12:59"));
        assertThat(reload(c).slaBreached()).isFalse();
        moveClockTo(at("2027-03-04T13:00"));
        assertThat(reload(c).slaBreached()).isTrue();
        assertThat(mailsAbout("first response deadline missed")).hasSize(1);
        assertThat(task(c, "EvaluateFeedback").getPriority()).isEqualTo(90);

        moveClockTo(at("2027-03-26T13:00"));
        assertThat(mailsAbout("resolution deadline missed")).hasSize(1);
        complete(c, "EvaluateFeedback", "product", Map.of("evaluation", "planned", "evaluationNote", "In 3.2"));
        SlaStatus closed = slaStatus.of(c.id());
        assertThat(closed.response().state()).isEqualTo(SlaStatus.State.BREACHED);
        assertThat(closed.resolution().state()).isEqualTo(SlaStatus.State.BREACHED);
        assertThat(closed.calendar()).isEqualTo("business-hours");
    }

    @Test
    void praiseIsAnsweredAtOnceSoBothClocksAreMet() {
        Complaint c = submit(null, "praise", "standard");
        executeDueJobs();
        SlaStatus sla = slaStatus.of(c.id());
        assertThat(sla.response().state()).isEqualTo(SlaStatus.State.MET);
        assertThat(sla.resolution().state()).isEqualTo(SlaStatus.State.MET);
    }

    @Test
    void aRedeployedTableAppliesToNewComplaintsWhileRunningOnesKeepTheirDeadlines() throws Exception {
        Complaint before = submit("problem", "outage", "standard");
        executeDueJobs();
        complete(before, "ConfirmComplaint", "agent2", CONFIRMED);
        int oldVersion = reload(before).slaDecisionVersion();

        String table = new String(getClass().getResourceAsStream("/processes/sla-policy.dmn").readAllBytes(),
                StandardCharsets.UTF_8)
                .replace("<text>\"PT15M\"</text>", "<text>\"PT5M\"</text>")
                .replace("<outputEntry id=\"LiteralExpression_urgentEscalated_resolutionWithin\">\n          <text>\"PT1H\"</text>",
                        "<outputEntry id=\"LiteralExpression_urgentEscalated_resolutionWithin\">\n          <text>\"PT20M\"</text>");
        Deployment deployment = repositoryService.createDeployment().name("SLA table from Modeler")
                .addString("sla-policy.dmn", table).deploy();
        try {
            Complaint after = submit("problem", "outage", "standard");
            executeDueJobs();
            assertThat(reload(after).slaDecisionVersion()).isEqualTo(oldVersion + 1);
            assertThat(reload(after).milestones().firstResponseDue().toInstant()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
            assertThat(reload(before).milestones().firstResponseDue().toInstant()).isEqualTo(t0.plus(Duration.ofMinutes(15)));

            complete(after, "ConfirmComplaint", "agent2", CONFIRMED);
            moveClockTo(t0.plus(Duration.ofHours(2)));
            // the running complaint escalates by its own version's escalation row, the new one by the new row
            assertThat(reload(before).milestones().resolutionDue().toInstant()).isEqualTo(t0.plus(Duration.ofHours(3)));
            assertThat(reload(after).milestones().resolutionDue().toInstant())
                    .isEqualTo(t0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(20)));
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aRetriedEscalationJobNotifiesTheSupervisorsOnce() {
        Complaint c = submit("problem", "outage", "standard");
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent2", CONFIRMED);
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofHours(2))));
        doThrow(new IllegalStateException("database hiccup")).doCallRealMethod()
                .when(timelineSpy).record(anyLong(), anyString(), eq(EventKind.ESCALATED), anyString());

        Job breach = managementService.createJobQuery().processInstanceId(processOf(c).getId()).timers()
                .activityId("ResolutionSlaBreached").singleResult();
        assertThatThrownBy(() -> managementService.executeJob(breach.getId())).hasMessageContaining("database hiccup");
        assertThat(reload(c).tier()).isEqualTo("L2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervisor_alert WHERE complaint_id = ?", Integer.class, c.id())).isZero();

        executeDueJobs();
        assertThat(reload(c).tier()).isEqualTo("L3");
        assertThat(reload(c).escalationCount()).isEqualTo(1);
        assertThat(mailsAbout("escalated to the next tier")).hasSize(1);
    }
}
