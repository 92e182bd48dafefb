package io.complaintflow.resolution;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Tier;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.operations.OperationsMetrics;
import io.complaintflow.sla.SlaClock;
import io.complaintflow.sla.SlaClocks;
import io.complaintflow.sla.SlaRecord;
import io.complaintflow.sla.SlaRecords;
import io.complaintflow.sla.SlaText;
import org.springframework.stereotype.Service;

/**
 * Moves a case up the escalation chain with a fresh resolution deadline from the SLA table's escalation rows:
 * when its resolution clock runs out, when a tier cannot resolve it, and when an unhappy customer reopens it.
 */
@Service
public class Escalations {
    public enum Reason {
        RESOLUTION_DEADLINE_MISSED("the resolution deadline passed"),
        CANNOT_RESOLVE_AT_TIER("the tier could not resolve it"),
        REOPENED("the customer was unhappy with the solution");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    /** Where the case goes: the next tier, its fresh deadline, and whether a missed deadline sent it. */
    public record Escalation(Tier next, SlaClocks.ResolutionDeadline renewed, boolean deadlineMissed) {
    }

    private final ComplaintRepository complaints;
    private final SlaRecords records;
    private final SlaClocks clocks;
    private final Timeline timeline;
    private final SlaText text;
    private final OperationsMetrics metrics;

    public Escalations(ComplaintRepository complaints, SlaRecords records, SlaClocks clocks, Timeline timeline, SlaText text, OperationsMetrics metrics) {
        this.complaints = complaints;
        this.records = records;
        this.clocks = clocks;
        this.timeline = timeline;
        this.text = text;
        this.metrics = metrics;
    }

    public Escalation escalate(long id, Reason reason) {
        SlaRecord before = records.get(id);
        boolean deadlineMissed = reason == Reason.RESOLUTION_DEADLINE_MISSED;
        if (deadlineMissed) {
            clocks.recordBreach(before, SlaClock.RESOLUTION);
        }
        Tier current = Tier.of(before.tier());
        Tier next = EscalationChain.parse(before.escalationChain()).after(current);
        int level = before.escalationLevel() + (next == current ? 0 : 1);
        if (reason == Reason.REOPENED) {
            complaints.reopen(id, next.name(), level);
        } else {
            complaints.escalate(id, next.name(), level);
        }
        SlaClocks.ResolutionDeadline renewed = clocks.renewResolution(before, level);
        if (reason != Reason.REOPENED) {
            metrics.escalated(next.name());
        }
        timeline.record(id, Timeline.SYSTEM, reason == Reason.REOPENED ? EventKind.REOPENED : EventKind.ESCALATED,
                "to %s: %s; resolve by %s".formatted(next, reason.text, text.moment(renewed.due())));
        return new Escalation(next, renewed, deadlineMissed);
    }
}
