package io.complaintflow.sla;

import java.time.Duration;
import java.time.OffsetDateTime;

/** The SLA columns of one complaint: deadlines, warning points, breaches and a paused resolution clock. */
public record SlaRecord(
        long complaintId,
        String type,
        String priority,
        String segment,
        String tier,
        String decisionId,
        Integer decisionVersion,
        String calendar,
        String escalationChain,
        int escalationLevel,
        int escalationCount,
        int reopenCount,
        OffsetDateTime receivedAt,
        OffsetDateTime responseDue,
        OffsetDateTime responseWarnAt,
        OffsetDateTime responseHandOverAt,
        OffsetDateTime responseBreachedAt,
        OffsetDateTime firstResponseAt,
        OffsetDateTime resolutionDue,
        OffsetDateTime resolutionWarnAt,
        OffsetDateTime resolutionBreachedAt,
        OffsetDateTime resolutionPausedAt,
        Duration resolutionRemaining,
        Duration resolutionWarnRemaining,
        OffsetDateTime implementedAt,
        OffsetDateTime closedAt) {

    public boolean resolutionPaused() {
        return resolutionPausedAt != null;
    }

    /** The resolution clock stops when the tier implements the solution or the case is closed otherwise. */
    public OffsetDateTime resolutionStoppedAt() {
        return implementedAt != null ? implementedAt : closedAt;
    }

    public OffsetDateTime responseStoppedAt() {
        return firstResponseAt != null ? firstResponseAt : closedAt;
    }

    /** Stays the same while a job is retried, so a notice keyed by it goes out once per deadline. */
    public String resolutionRound() {
        return escalationCount + "." + reopenCount;
    }
}
