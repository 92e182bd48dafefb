package io.complaintflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.Milestone;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Mail servers fail: the lifecycle waits, retries, raises an incident, and delivers exactly once afterwards. */
class MailDeliveryTest extends ComplaintFlowTestBase {

    @MockitoSpyBean ComplaintRepository complaintsSpy;

    private Job acknowledgementJob(Complaint c) {
        return managementService.createJobQuery().processInstanceId(processOf(c).getId())
                .activityId("SendAcknowledgement").singleResult();
    }

    @Test
    void smtpOutageRetriesThenRaisesAnIncidentAndTheRetriedIncidentSendsTheMailOnce() throws Exception {
        mail.stop();
        Complaint c = submit("problem", "usage", "standard");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = acknowledgementJob(c);
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
            // retry cycle R3/PT5M: the next attempt is due five minutes later, not before
            assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isZero();
            org.camunda.bpm.engine.impl.util.ClockUtil.offset(Duration.ofMinutes(5 * attempt).toMillis());
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(processOf(c).getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("SendAcknowledgement");
        assertThat(reload(c).status()).isEqualTo("RECEIVED");
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("SendAcknowledgement");

        mail.start();
        // what "Retry" on the incident in Cockpit does
        managementService.setJobRetries(acknowledgementJob(c).getId(), 1);
        executeDueJobs();
        assertThat(mailsAbout("We have received your message")).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(processOf(c).getId()).count()).isZero();
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ConfirmComplaint");
    }

    @Test
    void aResolutionNoticeIsNotSentTwiceWhenALaterStepOfItsJobFails() throws Exception {
        Complaint c = confirmedGeneralProblem();
        complete(c, "DecideSolution", "agent1", Map.of("solution", "Fixed", "rootCause", "Bug", "approvalNeeded", false));
        doThrow(new IllegalStateException("database hiccup")).doCallRealMethod()
                .when(complaintsSpy).reachMilestone(anyLong(), eq(Milestone.RESOLVED), any());
        taskService.complete(task(c, "ImplementSolution").getId(), Map.of("implementation", "resolved"));
        Job notice = managementService.createJobQuery().processInstanceId(processOf(c).getId())
                .activityId("NotifyResolution").singleResult();
        String jobId = notice.getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("database hiccup");
        assertThat(mailsAbout("has been resolved")).hasSize(1);

        moveClockBy(Duration.ofMinutes(5));
        assertThat(mailsAbout("has been resolved")).hasSize(1);
        assertThat(reload(c).milestones().resolvedAt()).isNotNull();
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("AwaitObservation");
    }
}
