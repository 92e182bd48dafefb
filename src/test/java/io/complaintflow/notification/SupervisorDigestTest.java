package io.complaintflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Breaches, escalations and hand-overs reach the supervisors as one digest mail, and none is lost to a mail outage. */
class SupervisorDigestTest extends ComplaintFlowTestBase {
    static final String SUPERVISOR = "supervisor@complaintflow.local";

    Instant t0;

    @BeforeEach
    void startOnAMondayMorning() {
        t0 = LocalDateTime.parse("2027-03-08T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        ClockUtil.setCurrentTime(Date.from(t0));
    }

    /** Urgent problems from standard customers: first response due in 15 minutes. */
    private List<Complaint> urgentProblems(int count) {
        List<Complaint> submitted = IntStream.range(0, count).mapToObj(i -> submit("problem", "outage", "standard")).toList();
        executeDueJobs();
        return submitted;
    }

    private void breach(Complaint c) {
        Job timer = managementService.createJobQuery().processInstanceId(processOf(c).getId()).timers()
                .activityId("ResponseSlaBreached").singleResult();
        managementService.executeJob(timer.getId());
    }

    private Job digestJob() {
        return managementService.createJobQuery().processDefinitionKey(SupervisorDigests.PROCESS).singleResult();
    }

    private long toldInTimeline(Complaint c) {
        return timeline.of(c.id()).stream().filter(e -> e.kind().equals(EventKind.STAFF_NOTIFIED)).count();
    }

    @Test
    void breachesDueInTheSameMinuteReachTheSupervisorsAsOneDigest() throws Exception {
        List<Complaint> urgent = urgentProblems(3);
        moveClockTo(t0.plus(Duration.ofMinutes(15)));

        MimeMessage digest = mailsAbout("SLA alerts").stream().filter(m -> recipients(m).contains(SUPERVISOR))
                .reduce((a, b) -> { throw new AssertionError("more than one digest"); }).orElseThrow();
        assertThat(digest.getSubject()).isEqualTo("[ComplaintFlow] 3 SLA alerts: first response deadline missed (3)");
        assertThat(recipients(digest)).containsExactly(SUPERVISOR);
        String text = textOf(digest);
        for (Complaint c : urgent) {
            assertThat(text).contains(c.ticketNumber() + ": first response deadline missed (problem, urgent, standard)");
            assertThat(toldInTimeline(c)).isEqualTo(1);
            assertThat(reload(c).slaBreached()).isTrue();
        }
        assertThat(text).contains("#/?task=");
        assertThat(htmlOf(digest)).contains(urgent.get(0).ticketNumber());

        // nothing new: no further mail
        int mails = mail.getReceivedMessages().length;
        moveClockBy(Duration.ofMinutes(1));
        assertThat(mail.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void aSingleAlertKeepsTheTicketInTheSubject() {
        Complaint c = urgentProblems(1).get(0);
        moveClockTo(t0.plus(Duration.ofMinutes(15)));
        assertThat(mailsAbout("first response deadline missed")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[" + c.ticketNumber() + "] first response deadline missed"));
    }

    @Test
    void aMailOutageLeavesTheAlertsWaitingAsAnIncidentAndTheRetriedDigestTellsAllOfThem() throws Exception {
        List<Complaint> urgent = urgentProblems(2);
        mail.stop();
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(15))));
        breach(urgent.get(0));
        assertThat(supervisorDigests.startIfAlertsWait()).isTrue();
        // retry cycle R3/PT5M: attempts at :15, :20 and :25
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = digestJob();
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
            ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(15 + 5 * attempt))));
        }
        Incident incident = runtimeService.createIncidentQuery().processDefinitionKeyIn(SupervisorDigests.PROCESS).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("SendSupervisorDigest");
        assertThat(toldInTimeline(urgent.get(0))).isZero();
        // the job log keeps the three failures with their stack traces, not the routine entries
        var jobLog = historyService.createHistoricJobLogQuery().processDefinitionKey(SupervisorDigests.PROCESS);
        assertThat(jobLog.list()).hasSize(3).allSatisfy(entry -> assertThat(entry.isFailureLog()).isTrue());
        assertThat(historyService.getHistoricJobLogExceptionStacktrace(jobLog.list().get(0).getId())).contains("Mail server");

        // a breach during the outage waits for the same digest: no second one is started beside it
        breach(urgent.get(1));
        assertThat(supervisorDigests.startIfAlertsWait()).isFalse();

        mail.start();
        // what "Retry" on the incident in Cockpit does, at :30: by now the grace period is over and both were handed over
        managementService.setJobRetries(digestJob().getId(), 1);
        executeDueJobs();
        assertThat(mailsAbout("SLA alerts")).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[ComplaintFlow] 4 SLA alerts: first response deadline missed (2), "
                    + "handed to the supervisors: still no first response (2)");
            assertThat(textOf(m)).contains(urgent.get(0).ticketNumber(), urgent.get(1).ticketNumber());
        });
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(urgent).allSatisfy(c -> assertThat(toldInTimeline(c)).isEqualTo(2));
    }
}
