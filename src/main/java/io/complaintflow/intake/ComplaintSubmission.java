package io.complaintflow.intake;

/** A complaint as a channel hands it in: the REST body, or the Tasklist start form's fields. */
public record ComplaintSubmission(
        String channel,
        String type,
        String category,
        String subject,
        String description,
        String locale,
        Customer customer) {

    public record Customer(String name, String email, String phone, String segment) {
    }
}
