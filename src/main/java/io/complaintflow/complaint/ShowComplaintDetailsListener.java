package io.complaintflow.complaint;

import java.util.List;
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

    /** Mails that have not reached the customer come first: the agent must not assume the customer knows. */
    private String history(long complaintId) {
        List<Timeline.Event> events = timeline.of(complaintId);
        List<String> waiting = Timeline.mailsWaiting(events);
        String notSent = waiting.isEmpty() ? "" : "NOT YET SENT to the customer: " + String.join(", ", waiting) + "\n";
        return notSent + TaskDisplay.tail(Timeline.asText(events), TaskDisplay.MAX_LENGTH - notSent.length());
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
        task.setVariableLocal("customerName", TaskDisplay.head(c.customer().name()));
        task.setVariableLocal("subject", TaskDisplay.head(c.subject()));
        task.setVariableLocal("description", TaskDisplay.head(c.description()));
        task.setVariableLocal("history", history(c.id()));
        task.setVariableLocal("proposedSolution", TaskDisplay.head(c.solution()));
        task.setVariableLocal("proposedRootCause", TaskDisplay.head(c.rootCause()));
        timeline.latest(c.id(), EventKind.SURVEY_ANSWERED)
                .ifPresent(e -> task.setVariableLocal("surveyComment", TaskDisplay.head(e.detail())));
    }
}
