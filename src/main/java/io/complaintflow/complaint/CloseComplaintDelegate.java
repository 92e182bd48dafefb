package io.complaintflow.complaint;

import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the complaint with the outcome the model names (resolved, duplicate, abandoned …). */
@Component("closeComplaint")
public class CloseComplaintDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final Timeline timeline;

    public CloseComplaintDelegate(ComplaintRepository complaints, Timeline timeline) {
        this.complaints = complaints;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        String outcome = Vars.text(execution, "outcome");
        complaints.close(id, outcome, EngineClock.now());
        timeline.record(id, Timeline.SYSTEM, EventKind.CLOSED, outcome);
    }
}
