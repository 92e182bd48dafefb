package io.complaintflow.notification;

import io.complaintflow.complaint.EventKind;
import java.util.Arrays;

/**
 * Every message a customer gets: the lifecycle's (the BPMN names them in each send task's "message" input) and the
 * new link a customer asks for on the portal.
 */
public enum CustomerMessage {
    ACKNOWLEDGEMENT("acknowledgement"),
    INFORMATION_REQUEST("informationRequest"),
    NOT_A_PROBLEM("notAProblem"),
    DUPLICATE_NOTICE("duplicateNotice"),
    KNOWN_INCIDENT("knownIncident"),
    RESOLUTION_NOTICE("resolutionNotice"),
    SURVEY_INVITATION("surveyInvitation"),
    EVALUATION_REPLY("evaluationReply"),
    PRAISE_THANKS("praiseThanks"),
    PORTAL_LINK(EventKind.PORTAL_LINK_MAIL);

    private final String key;

    CustomerMessage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static CustomerMessage of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown customer message " + key));
    }
}
