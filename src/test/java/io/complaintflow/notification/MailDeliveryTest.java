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
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.intake.ComplaintController;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Mail servers fail: the complaint goes on, the mail waits in a job of its own, is retried, becomes an incident,
 * and goes out exactly once afterwards.
 */
class MailDeliveryTest extends ComplaintFlowTestBase {

    @MockitoSpyBean ComplaintRepository complaintsSpy;
    @Autowired ComplaintController complaintApi;

    private Job deliveryJob(Complaint c, String message) {
        var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("customer-message")
                .processInstanceBusinessKey(c.ticketNumber()).variableValueLike("messageKey", message + ":%").singleResult();
        return instance == null ? null
                : managementService.createJobQuery().processInstanceId(instance.getId()).activityId("SendCustomerMail").singleResult();
    }

    @Test
    void smtpOutageRetriesTheMailThenRaisesAnIncidentWhileTheComplaintWaitsForItsAgent() throws Exception {
        mail.stop();
        Complaint c = submit("problem", "usage", "standard");
        try {
            runLifecycleJobs(c);
            BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ConfirmComplaint");
            assertThat(complaintApi.get(c.ticketNumber()).mailsWaiting()).containsExactly("acknowledgement");
            for (int attempt = 1; attempt <= 3; attempt++) {
                Job job = deliveryJob(c, "acknowledgement");
                assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
                // retry cycle R3/PT5M: the next attempt is due five minutes later, not before
                assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isZero();
                org.camunda.bpm.engine.impl.util.ClockUtil.offset(Duration.ofMinutes(5 * attempt).toMillis());
            }
            Incident incident = runtimeService.createIncidentQuery().singleResult();
            assertThat(incident.getActivityId()).isEqualTo("SendCustomerMail");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).singleResult())
                    .satisfies(p -> assertThat(p.getBusinessKey()).isEqualTo(c.ticketNumber()))
                    .satisfies(p -> assertThat(p.getProcessDefinitionId()).startsWith("customer-message:"));
            assertThat(reload(c).status()).isEqualTo("RECEIVED");
            BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ConfirmComplaint");
        } finally {
            mail.start();
        }
        retryIncidents();
        assertThat(mailsAbout("We have received your message")).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(complaintApi.get(c.ticketNumber()).mailsWaiting()).isEmpty();
        assertThat(timelineKinds(c)).containsSubsequence(EventKind.MAIL_QUEUED, EventKind.MAIL_SENT);
    }

    @Test
    void aMailIsNotSentTwiceWhenALaterStepOfItsJobFails() throws Exception {
        doThrow(new IllegalStateException("database hiccup")).doCallRealMethod()
                .when(complaintsSpy).reachMilestone(anyLong(), eq(Milestone.FIRST_RESPONSE), any());
        Complaint c = submit("praise", "praise", "standard");
        runLifecycleJobs(c);
        String jobId = deliveryJob(c, "praiseThanks").getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("database hiccup");
        assertThat(mailsAbout("Thank you")).hasSize(1);
        assertThat(reload(c).milestones().firstResponseAt()).isNull();

        moveClockBy(Duration.ofMinutes(5));
        assertThat(mailsAbout("Thank you")).hasSize(1);
        assertThat(reload(c).milestones().firstResponseAt()).isNotNull();
        assertThat(deliveryJob(c, "praiseThanks")).isNull();
    }
}
