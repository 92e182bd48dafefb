package io.complaintflow.notification;

import io.complaintflow.sla.SlaRecord;
import java.util.Arrays;

/** What the SLA clocks tell staff; the BPMN names them in each "notify" send task's {@code notice} input. */
public enum StaffNotice {
    RESPONSE_WARNING("responseWarning", false, "first response due soon"),
    RESOLUTION_WARNING("resolutionWarning", false, "resolution due soon"),
    RESPONSE_BREACHED("responseBreached", true, "first response deadline missed"),
    RESOLUTION_BREACHED("resolutionBreached", true, "resolution deadline missed"),
    ESCALATED("escalated", true, "escalated to the next tier"),
    HANDED_OVER("handedOver", true, "handed to the supervisors: still no first response");

    private final String key;
    private final boolean forSupervisors;
    private final String headline;

    StaffNotice(String key, boolean forSupervisors, String headline) {
        this.key = key;
        this.forSupervisors = forSupervisors;
        this.headline = headline;
    }

    /** Warnings go to whoever holds the task, or its queue; breaches and escalations to the supervisors. */
    public boolean forSupervisors() {
        return forSupervisors;
    }

    public String headline() {
        return headline;
    }

    public boolean isWarning() {
        return this == RESPONSE_WARNING || this == RESOLUTION_WARNING;
    }

    /** One notice per complaint and deadline: the same key on a retried job, a new one for each fresh deadline. */
    public String dedupeKey(SlaRecord r) {
        String base = key + ":" + r.complaintId();
        return switch (this) {
            case RESPONSE_WARNING, RESPONSE_BREACHED, HANDED_OVER -> base;
            case RESOLUTION_WARNING, RESOLUTION_BREACHED -> base + ":" + r.resolutionRound();
            case ESCALATED -> base + ":" + r.escalationCount() + "." + r.reopenCount();
        };
    }

    public static StaffNotice of(String key) {
        return Arrays.stream(values()).filter(n -> n.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown staff notice " + key));
    }
}
