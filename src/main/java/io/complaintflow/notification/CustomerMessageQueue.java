package io.complaintflow.notification;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Queues one customer message: a "customer-message" process instance of its own sends it, so a mail-server outage
 * never holds up whoever asked for it (the lifecycle, a customer asking for a new link).
 */
@Service
public class CustomerMessageQueue {
    static final String PROCESS = "customer-message";
    /** Set on a mail the lifecycle waits for: the waiting complaint's process instance. */
    static final String COMPLAINT_PROCESS = "complaintProcessId";
    static final String SEND_ACTIVITY = "SendCustomerMail";

    private final CustomerMailer mailer;
    private final RuntimeService runtimeService;
    private final Timeline timeline;

    public CustomerMessageQueue(CustomerMailer mailer, RuntimeService runtimeService, Timeline timeline) {
        this.mailer = mailer;
        this.runtimeService = runtimeService;
        this.timeline = timeline;
    }

    /**
     * Queues the message; {@code awaitingProcess}, when not null, is the complaint process instance that waits at a
     * "CustomerMessageSent" catch event until it has gone out.
     */
    public void queue(long complaintId, String ticketNumber, CustomerMessage message, String awaitingProcess) {
        var variables = Variables.createVariables()
                .putValue(Vars.COMPLAINT_ID, complaintId)
                // fixed now: by the time the mail goes out the complaint may be a round further; it names the message
                .putValue(CustomerMailer.MESSAGE_KEY, mailer.keyOf(complaintId, message))
                .putValue("awaited", awaitingProcess != null);
        if (awaitingProcess != null) {
            variables.putValue(COMPLAINT_PROCESS, awaitingProcess);
        }
        SystemAccess.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, ticketNumber, variables));
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.MAIL_QUEUED, message.key());
    }
}
