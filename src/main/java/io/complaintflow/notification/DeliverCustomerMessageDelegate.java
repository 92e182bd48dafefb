package io.complaintflow.notification;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends one queued customer message (customer-message process); a failure is retried by the engine. */
@Component("deliverCustomerMessage")
public class DeliverCustomerMessageDelegate implements JavaDelegate {
    private final CustomerMailer mailer;
    private final ComplaintRepository complaints;

    public DeliverCustomerMessageDelegate(CustomerMailer mailer, ComplaintRepository complaints) {
        this.mailer = mailer;
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        String key = Vars.text(execution, CustomerMailer.MESSAGE_KEY);
        CustomerMessage message = CustomerMailer.messageOf(key);
        mailer.send(id, message, key);
        if (message == CustomerMessage.PRAISE_THANKS) {
            // praise needs no agent: the thanks, when it reaches the customer, is the first response
            complaints.reachMilestone(id, Milestone.FIRST_RESPONSE, EngineClock.now());
        }
    }
}
