package io.complaintflow.notification;

import io.complaintflow.sla.SlaRecord;
import java.util.Arrays;

/** What the SLA clocks tell staff; the BPMN names them in each "notify" send task's {@code notice} input. */
public enum StaffNotice {
    RESPONSE_WARNING("responseWarning", false, "first response due soon", "首次响应即将到期"),
    RESOLUTION_WARNING("resolutionWarning", false, "resolution due soon", "解决时限即将到期"),
    RESPONSE_BREACHED("responseBreached", true, "first response deadline missed", "首次响应已超时"),
    RESOLUTION_BREACHED("resolutionBreached", true, "resolution deadline missed", "解决时限已超时"),
    ESCALATED("escalated", true, "escalated to the next tier", "已升级到下一级"),
    HANDED_OVER("handedOver", true, "handed to the supervisors: still no first response", "已移交主管：仍未首次响应");

    private final String key;
    private final boolean forSupervisors;
    private final String headline;
    private final String headlineZh;

    StaffNotice(String key, boolean forSupervisors, String headline, String headlineZh) {
        this.key = key;
        this.forSupervisors = forSupervisors;
        this.headline = headline;
        this.headlineZh = headlineZh;
    }

    public String headline(String language) {
        return "zh-CN".equals(language) ? headlineZh : headline;
    }

    /** Warnings go to whoever holds the task, or its queue; breaches and escalations to the supervisors' digest. */
    public boolean forSupervisors() {
        return forSupervisors;
    }

    public String headline() {
        return headline;
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
