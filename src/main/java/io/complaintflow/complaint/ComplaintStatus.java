package io.complaintflow.complaint;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint stands; it changes only along the transitions below ({@link ComplaintRepository} guards them). */
public enum ComplaintStatus {
    RECEIVED, WAITING_FOR_CUSTOMER, IN_PROGRESS, RESOLVED, REOPENED, CLOSED;

    /** The statuses a complaint may have when it moves to this one. */
    public Set<ComplaintStatus> reachableFrom() {
        return switch (this) {
            case RECEIVED -> EnumSet.noneOf(ComplaintStatus.class);
            case WAITING_FOR_CUSTOMER -> EnumSet.of(RECEIVED, IN_PROGRESS);
            // IN_PROGRESS again: confirmed once more after the customer's answer
            case IN_PROGRESS -> EnumSet.of(RECEIVED, WAITING_FOR_CUSTOMER, IN_PROGRESS);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, REOPENED);
            case REOPENED -> EnumSet.of(RESOLVED);
            case CLOSED -> EnumSet.complementOf(EnumSet.of(CLOSED));
        };
    }

    public static class TransitionRefused extends IllegalStateException {
        TransitionRefused(long complaintId, ComplaintStatus target) {
            super("Complaint " + complaintId + " cannot become " + target + " from where it stands (allowed from "
                    + target.reachableFrom() + ")");
        }
    }
}
