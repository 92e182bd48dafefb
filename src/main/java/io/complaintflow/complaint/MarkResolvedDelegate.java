package io.complaintflow.complaint;

import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Mark resolved" step: the complaint is resolved from here on, whether or not the notice has gone out yet. */
@Component("markResolved")
public class MarkResolvedDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;

    public MarkResolvedDelegate(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        complaints.reachMilestone(id, Milestone.RESOLVED, EngineClock.now());
        complaints.updateStatus(id, ComplaintStatus.RESOLVED);
    }
}
