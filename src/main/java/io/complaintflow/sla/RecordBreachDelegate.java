package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A clock ran out: recorded on the complaint, and the open task moves up the agents' queue. */
@Component("recordBreach")
public class RecordBreachDelegate implements JavaDelegate {
    private final SlaClocks clocks;
    private final OpenTasks tasks;
    private final SlaProperties properties;

    public RecordBreachDelegate(SlaClocks clocks, OpenTasks tasks, SlaProperties properties) {
        this.clocks = clocks;
        this.tasks = tasks;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        clocks.recordBreach(id, SlaClock.of(Vars.text(execution, "clock")));
        execution.setVariable(Vars.SLA_BREACHED, true);
        tasks.raisePriority(tasks.of(execution.getProcessInstanceId()), properties.getBreachedTaskPriority());
    }
}
