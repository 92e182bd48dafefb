package io.complaintflow.sla;

/** The two promises each complaint carries. */
public enum SlaClock {
    /** From intake to the first response: the confirm decision or the information request. */
    RESPONSE,
    /** From intake to the solution being implemented, paused while the customer is asked for information. */
    RESOLUTION;

    public static SlaClock of(String name) {
        return valueOf(name.trim().toUpperCase());
    }
}
