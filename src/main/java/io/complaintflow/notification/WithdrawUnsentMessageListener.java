package io.complaintflow.notification;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * End listener of a wait for a customer message to go out ("Question sent", "Survey sent"). When the complaint
 * leaves that wait before the message went out (the tier ran out of time while the mail server was down), the
 * message is no longer wanted: a question nobody waits for would only earn the customer a "we are not waiting"
 * reply. Its mail instance is ended, incident and all, and the timeline says the mail was withdrawn.
 */
@Component("withdrawUnsentMessage")
public class WithdrawUnsentMessageListener implements ExecutionListener {
    static final String REASON = "Withdrawn: the complaint no longer waits for this message";

    private final RuntimeService runtimeService;
    private final Timeline timeline;

    public WithdrawUnsentMessageListener(RuntimeService runtimeService, Timeline timeline) {
        this.runtimeService = runtimeService;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            return; // the message went out: its mail instance is what ended the wait
        }
        long id = Vars.complaintId(execution);
        for (ProcessInstance mail : SystemAccess.call(() -> unsentMailsAwaitedBy(execution))) {
            String key = SystemAccess.call(() -> withdraw(mail));
            timeline.record(id, Timeline.SYSTEM, EventKind.MAIL_WITHDRAWN, CustomerMailer.messageOf(key).key());
        }
    }

    /** Ends the mail's instance (its retried job and any incident with it); returns the message key it held. */
    private String withdraw(ProcessInstance mail) {
        String key = (String) runtimeService.getVariable(mail.getId(), CustomerMailer.MESSAGE_KEY);
        runtimeService.deleteProcessInstance(mail.getId(), REASON, false, true);
        return key;
    }

    private List<ProcessInstance> unsentMailsAwaitedBy(DelegateExecution execution) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CustomerMessageQueue.PROCESS)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .variableValueEquals(CustomerMessageQueue.COMPLAINT_PROCESS, execution.getProcessInstanceId())
                .activityIdIn(CustomerMessageQueue.SEND_ACTIVITY)
                .list();
    }
}
