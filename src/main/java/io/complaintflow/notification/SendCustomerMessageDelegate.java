package io.complaintflow.notification;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.ComplaintStatus;
import io.complaintflow.complaint.EngineClock;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the customer message the send task names; the information request and the resolution notice are milestones. */
@Component("sendCustomerMessage")
public class SendCustomerMessageDelegate implements JavaDelegate {
    private final CustomerMailer mailer;
    private final ComplaintRepository complaints;

    public SendCustomerMessageDelegate(CustomerMailer mailer, ComplaintRepository complaints) {
        this.mailer = mailer;
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        CustomerMessage message = CustomerMessage.of(Vars.text(execution, "message"));
        mailer.send(id, message);
        if (message == CustomerMessage.PRAISE_THANKS) {
            complaints.reachMilestone(id, Milestone.FIRST_RESPONSE, EngineClock.now());
        }
        if (message == CustomerMessage.RESOLUTION_NOTICE) {
            complaints.reachMilestone(id, Milestone.RESOLVED, EngineClock.now());
            complaints.updateStatus(id, ComplaintStatus.RESOLVED);
        }
    }
}
