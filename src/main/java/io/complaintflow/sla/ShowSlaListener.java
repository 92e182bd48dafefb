package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts each clock's SLA line on a new task, for the "Response SLA" and "Resolution SLA" fields of its form. */
@Component("showSla")
public class ShowSlaListener implements TaskListener {
    private final SlaStatusView status;

    public ShowSlaListener(SlaStatusView status) {
        this.status = status;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(status.formLines(Vars.complaintId(task)));
    }
}
