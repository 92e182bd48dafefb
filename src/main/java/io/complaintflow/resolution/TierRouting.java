package io.complaintflow.resolution;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Hands a case to another tier: on the complaint, on the timeline and in the process's routing. */
@Service
public class TierRouting {
    private final ComplaintRepository complaints;
    private final Timeline timeline;

    public TierRouting(ComplaintRepository complaints, Timeline timeline) {
        this.complaints = complaints;
        this.timeline = timeline;
    }

    /** Routes the first tasks to the tier triage chose. */
    public void route(VariableScope process, Tier tier) {
        process.setVariable(Vars.TIER, tier.name());
        process.setVariable(Vars.CANDIDATE_GROUP, tier.group());
    }

    /** Moves the case one tier up and returns the new tier. */
    public Tier escalate(VariableScope process, long complaintId, String reason) {
        Tier next = Tier.of(Vars.text(process, Vars.TIER)).next();
        complaints.moveToTier(complaintId, next.name());
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.ESCALATED, "to " + next.name() + ": " + reason);
        route(process, next);
        return next;
    }
}
