package io.complaintflow.notification;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues the customer message the send task names (see {@link CustomerMessageQueue}), so a mail-server outage
 * never holds up the complaint. With {@code awaitDelivery} the lifecycle waits at a "CustomerMessageSent" catch
 * event, which the message's instance triggers once the mail has gone out.
 */
@Component("sendCustomerMessage")
public class SendCustomerMessageDelegate implements JavaDelegate {
    public static final String MESSAGE_SENT = "CustomerMessageSent";

    private final CustomerMessageQueue queue;

    public SendCustomerMessageDelegate(CustomerMessageQueue queue) {
        this.queue = queue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        queue.queue(Vars.complaintId(execution), execution.getProcessBusinessKey(), CustomerMessage.of(Vars.text(execution, "message")),
                Vars.flag(execution, "awaitDelivery") ? execution.getProcessInstanceId() : null);
    }
}
