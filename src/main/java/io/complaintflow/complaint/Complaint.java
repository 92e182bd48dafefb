package io.complaintflow.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One complaint or piece of feedback as our own table holds it. */
public record Complaint(
        long id,
        String ticketNumber,
        String channel,
        String declaredType,
        String type,
        String category,
        String subject,
        String description,
        String locale,
        Customer customer,
        String priority,
        String tier,
        String status,
        String outcome,
        String duplicateOf,
        Integer slaDecisionVersion,
        int escalationCount,
        int reopenCount,
        boolean slaBreached,
        String solution,
        String rootCause,
        String compensationKind,
        BigDecimal compensationAmount,
        String compensationStatus,
        Milestones milestones) {

    public record Customer(String name, String email, String phone, String segment) {
    }

    public record Milestones(
            OffsetDateTime receivedAt,
            OffsetDateTime firstResponseDue,
            OffsetDateTime resolutionDue,
            OffsetDateTime firstResponseAt,
            OffsetDateTime confirmedAt,
            OffsetDateTime solutionDecidedAt,
            OffsetDateTime implementedAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime closedAt) {
    }

    public boolean isClosed() {
        return ComplaintStatus.CLOSED.name().equals(status);
    }
}
