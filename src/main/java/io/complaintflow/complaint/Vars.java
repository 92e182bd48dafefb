package io.complaintflow.complaint;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the few process variables the lifecycle keeps: keys and routing values only. */
public final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String TICKET_NUMBER = "ticketNumber";
    public static final String DECLARED_TYPE = "declaredType";
    public static final String TYPE = "type";
    public static final String CATEGORY = "category";
    public static final String CHANNEL = "channel";
    public static final String SEGMENT = "segment";
    public static final String PRIORITY = "priority";
    public static final String TIER = "tier";
    public static final String CANDIDATE_GROUP = "candidateGroup";
    public static final String RESPONSE_DUE = "responseDue";
    public static final String RESOLUTION_DUE = "resolutionDue";
    public static final String RESPONSE_WARN_AT = "responseWarnAt";
    public static final String RESPONSE_HAND_OVER_AT = "responseHandOverAt";
    public static final String RESOLUTION_WARN_AT = "resolutionWarnAt";
    public static final String SLA_BREACHED = "slaBreached";
    public static final String REOPENED = "reopened";

    private Vars() {
    }

    public static long complaintId(VariableScope scope) {
        Object id = scope.getVariable(COMPLAINT_ID);
        if (id == null) {
            throw new IllegalStateException("The process has no complaintId");
        }
        return ((Number) id).longValue();
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString().trim();
    }

    /** Forms submit radio choices as "true"/"false" text; gateways want real booleans. */
    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }
}
