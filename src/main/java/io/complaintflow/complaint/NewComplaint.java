package io.complaintflow.complaint;

/** What intake knows about a complaint before it is registered. */
public record NewComplaint(
        String channel,
        String declaredType,
        String category,
        String subject,
        String description,
        String locale,
        Complaint.Customer customer) {
}
