package io.complaintflow.notification;

import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import io.complaintflow.sla.SlaRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks for a staff notice. A warning goes out from a "staff-notice" process instance of its own; a breach,
 * escalation or hand-over becomes a supervisors' alert for the next digest. Either way a mail-server outage never
 * holds up or rolls back the escalation itself, and an interrupted tier cannot cancel a pending notice.
 */
@Component("notifyStaff")
public class NotifyStaffDelegate implements JavaDelegate {
    static final String PROCESS = "staff-notice";

    private final SlaRecords records;
    private final RuntimeService runtimeService;
    private final SupervisorAlerts alerts;

    public NotifyStaffDelegate(SlaRecords records, RuntimeService runtimeService, SupervisorAlerts alerts) {
        this.records = records;
        this.runtimeService = runtimeService;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        StaffNotice notice = StaffNotice.of(Vars.text(execution, "notice"));
        // the key is fixed now: by the time the notice is sent the complaint may have moved on to its next deadline
        String key = notice.dedupeKey(records.get(id));
        if (notice.forSupervisors()) {
            alerts.raise(key, id, notice);
            return;
        }
        var variables = Variables.createVariables()
                .putValue(Vars.COMPLAINT_ID, id)
                .putValue("notice", notice.name())
                .putValue("noticeKey", key)
                .putValue("complaintProcessId", execution.getProcessInstanceId());
        SystemAccess.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, execution.getProcessBusinessKey(), variables));
    }
}
