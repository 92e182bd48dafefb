package io.complaintflow.notification;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Queues the customer message the send task names: a "customer-message" process instance of its own sends it,
 * so a mail-server outage never holds up the complaint. With {@code awaitDelivery} the lifecycle waits at a
 * "CustomerMessageSent" catch event, which that instance triggers once the mail has gone out.
 */
@Component("sendCustomerMessage")
public class SendCustomerMessageDelegate implements JavaDelegate {
    static final String PROCESS = "customer-message";
    public static final String MESSAGE_SENT = "CustomerMessageSent";
    /** Set on a mail the lifecycle waits for: the waiting complaint's process instance. */
    static final String COMPLAINT_PROCESS = "complaintProcessId";
    static final String SEND_ACTIVITY = "SendCustomerMail";

    private final CustomerMailer mailer;
    private final RuntimeService runtimeService;
    private final Timeline timeline;

    public SendCustomerMessageDelegate(CustomerMailer mailer, RuntimeService runtimeService, Timeline timeline) {
        this.mailer = mailer;
        this.runtimeService = runtimeService;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        CustomerMessage message = CustomerMessage.of(Vars.text(execution, "message"));
        boolean awaited = Vars.flag(execution, "awaitDelivery");
        var variables = Variables.createVariables()
                .putValue(Vars.COMPLAINT_ID, id)
                // fixed now: by the time the mail goes out the complaint may be a round further; it names the message
                .putValue(CustomerMailer.MESSAGE_KEY, mailer.keyOf(id, message))
                .putValue("awaited", awaited);
        if (awaited) {
            variables.putValue(COMPLAINT_PROCESS, execution.getProcessInstanceId());
        }
        SystemAccess.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, execution.getProcessBusinessKey(), variables));
        timeline.record(id, Timeline.SYSTEM, EventKind.MAIL_QUEUED, message.key());
    }
}
