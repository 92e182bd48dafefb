package io.complaintflow.sla;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Still no first response after the grace period: the supervisors take the task over. */
@Component("handOverToSupervisors")
public class HandOverToSupervisorsDelegate implements JavaDelegate {
    private final OpenTasks tasks;
    private final Timeline timeline;

    public HandOverToSupervisorsDelegate(OpenTasks tasks, Timeline timeline) {
        this.tasks = tasks;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = Vars.text(execution, "taskKey");
        tasks.handTo(execution.getProcessInstanceId(), taskKey, Groups.SUPERVISORS);
        timeline.record(Vars.complaintId(execution), Timeline.SYSTEM, EventKind.HANDED_TO_SUPERVISORS,
                "still no first response after the grace period");
    }
}
