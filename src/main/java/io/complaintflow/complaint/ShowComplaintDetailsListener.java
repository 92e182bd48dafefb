package io.complaintflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the complaint's details on a new task as task-local variables, so the task form can show them
 * read-only. They live as long as the task; the complaint row stays the record.
 */
@Component("showComplaintDetails")
public class ShowComplaintDetailsListener implements TaskListener {
    private final ComplaintRepository complaints;
    private final Timeline timeline;

    public ShowComplaintDetailsListener(ComplaintRepository complaints, Timeline timeline) {
        this.complaints = complaints;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        Complaint c = complaints.get(Vars.complaintId(task));
        task.setVariableLocal("ticketNumber", c.ticketNumber());
        task.setVariableLocal("type", c.type());
        task.setVariableLocal("category", c.category());
        task.setVariableLocal("priority", c.priority());
        task.setVariableLocal("tier", c.tier());
        task.setVariableLocal("channel", c.channel());
        task.setVariableLocal("customerName", c.customer().name());
        task.setVariableLocal("subject", c.subject());
        task.setVariableLocal("description", c.description());
        task.setVariableLocal("history", timeline.asText(c.id()));
        task.setVariableLocal("proposedSolution", c.solution());
        task.setVariableLocal("proposedRootCause", c.rootCause());
        timeline.latest(c.id(), EventKind.SURVEY_ANSWERED)
                .ifPresent(e -> task.setVariableLocal("surveyComment", e.detail()));
    }
}
