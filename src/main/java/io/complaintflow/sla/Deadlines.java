package io.complaintflow.sla;

import java.time.OffsetDateTime;

/** What the SLA table promised a complaint at intake, turned into moments on its calendar. */
public record Deadlines(
        OffsetDateTime responseDue,
        OffsetDateTime responseWarnAt,
        OffsetDateTime responseHandOverAt,
        OffsetDateTime resolutionDue,
        OffsetDateTime resolutionWarnAt,
        String calendar,
        String escalationChain) {
}
