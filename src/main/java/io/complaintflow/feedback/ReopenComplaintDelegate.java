package io.complaintflow.feedback;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.resolution.Tier;
import io.complaintflow.resolution.TierRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reopens a complaint whose customer is unhappy, one tier higher than the one that resolved it. */
@Component("reopenComplaint")
public class ReopenComplaintDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final TierRouting routing;

    public ReopenComplaintDelegate(ComplaintRepository complaints, Timeline timeline, TierRouting routing) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        Tier next = Tier.of(Vars.text(execution, Vars.TIER)).next();
        complaints.reopen(id, next.name());
        timeline.record(id, Timeline.SYSTEM, EventKind.REOPENED, "at " + next.name());
        routing.route(execution, next);
        execution.setVariable(Vars.REOPENED, true);
        execution.removeVariables(java.util.List.of("satisfaction", "nps", "reopenRequested", "reopen"));
    }
}
