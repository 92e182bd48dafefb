package io.complaintflow.complaint;

/** The lifecycle timestamps kept on every complaint; each is set once, the first time it happens. */
public enum Milestone {
    FIRST_RESPONSE("first_response_at"),
    CONFIRMED("confirmed_at"),
    SOLUTION_DECIDED("solution_decided_at"),
    IMPLEMENTED("implemented_at"),
    RESOLVED("resolved_at"),
    CLOSED("closed_at");

    final String column;

    Milestone(String column) {
        this.column = column;
    }
}
