package io.complaintflow.notification;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * End listener of a wait for a customer message to go out ("Question sent", "Survey sent"). When the complaint
 * leaves that wait before the message went out (the tier ran out of time while the mail server was down), the
 * message is no longer wanted: a question nobody waits for would only earn the customer a "we are not waiting"
 * reply. Its mail instance is ended, incident and all, and the timeline says the mail was withdrawn. A mail that
 * went out although its job then failed (its key is in sent_message), or whose job is running now, is left to end
 * by itself: it is not withdrawn, so the timeline never says both sent and withdrawn.
 */
@Component("withdrawUnsentMessage")
public class WithdrawUnsentMessageListener implements ExecutionListener {
    static final String REASON = "Withdrawn: the complaint no longer waits for this message";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final SentMessages sent;
    private final Timeline timeline;

    public WithdrawUnsentMessageListener(RuntimeService runtimeService, ManagementService managementService, SentMessages sent,
                                         Timeline timeline) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.sent = sent;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            return; // the message went out: its mail instance is what ended the wait
        }
        long id = Vars.complaintId(execution);
        for (String key : SystemAccess.call(() -> withdrawUnsentMails(execution))) {
            timeline.record(id, Timeline.SYSTEM, EventKind.MAIL_WITHDRAWN, CustomerMailer.messageOf(key).key());
        }
    }

    /** Ends the instance of each mail the wait was for that has not gone out and is not going out now; their keys. */
    private List<String> withdrawUnsentMails(DelegateExecution execution) {
        List<String> withdrawn = new ArrayList<>();
        for (ProcessInstance mail : unsentMailsAwaitedBy(execution)) {
            String key = (String) runtimeService.getVariable(mail.getId(), CustomerMailer.MESSAGE_KEY);
            if (!sent.wasSent(key) && !sendingNow(mail)) {
                runtimeService.deleteProcessInstance(mail.getId(), REASON, false, true);
                withdrawn.add(key);
            }
        }
        return withdrawn;
    }

    /** Whether a job executor holds the mail's job (it may be talking to the mail server this moment). */
    private boolean sendingNow(ProcessInstance mail) {
        return managementService.createJobQuery().processInstanceId(mail.getId()).list().stream()
                .anyMatch(job -> job instanceof JobEntity entity && entity.getLockExpirationTime() != null
                        && entity.getLockExpirationTime().after(ClockUtil.getCurrentTime()));
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
