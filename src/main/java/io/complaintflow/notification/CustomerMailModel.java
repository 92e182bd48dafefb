package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.security.PortalTokens;
import io.complaintflow.sla.SlaText;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What a customer mail's template may show: the complaint's own fields, the latest agent text, links. */
@Component
public class CustomerMailModel {
    private static final Map<String, Map<String, String>> COMPENSATION = Map.of(
            "en", Map.of("coupon", "a coupon worth %s", "refund", "a refund of %s", "points", "%s points"),
            "zh-CN", Map.of("coupon", "价值 %s 的优惠券", "refund", "退款 %s", "points", "%s 积分"));

    private final Timeline timeline;
    private final NotificationProperties properties;
    private final SlaText slaText;
    private final PortalTokens tokens;

    public CustomerMailModel(Timeline timeline, NotificationProperties properties, SlaText slaText, PortalTokens tokens) {
        this.tokens = tokens;
        this.timeline = timeline;
        this.properties = properties;
        this.slaText = slaText;
    }

    /** The values of one mail about to be sent; its links carry a token of their own, issued (and committed) here. */
    public Map<String, Object> withNewLinks(CustomerMessage message, Complaint c) {
        String token = tokens.issueCommitted(c.id());
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", c.ticketNumber());
        model.put("progressLink", link("progress", c, token));
        model.put("name", c.customer().name());
        model.put("subject", c.subject());
        switch (message) {
            case ACKNOWLEDGEMENT -> model.put("respondBy", slaText.moment(c.milestones().firstResponseDue()));
            case INFORMATION_REQUEST -> {
                model.put("question", latest(c, EventKind.INFORMATION_REQUESTED));
                model.put("replyLink", link("reply", c, token));
            }
            case NOT_A_PROBLEM -> model.put("explanation", latest(c, EventKind.NOT_A_PROBLEM));
            case DUPLICATE_NOTICE -> model.put("original", c.duplicateOf());
            case KNOWN_INCIDENT -> {
            }
            case RESOLUTION_NOTICE -> {
                model.put("cause", orDash(c.rootCause()));
                model.put("solution", orDash(c.solution()));
                model.put("compensation", compensation(c));
            }
            case SURVEY_INVITATION -> model.put("surveyLink", link("survey", c, token));
            case EVALUATION_REPLY -> model.put("evaluation", latest(c, EventKind.EVALUATED));
            case PRAISE_THANKS, PORTAL_LINK -> {
            }
        }
        return model;
    }

    private String latest(Complaint c, String kind) {
        return timeline.latest(c.id(), kind).map(Timeline.Event::detail).orElse("");
    }

    private String link(String page, Complaint c, String token) {
        return properties.getPublicBaseUrl() + PortalTokens.link(page, c.ticketNumber(), token);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Null when nothing was issued, so the template says "none". */
    private static String compensation(Complaint c) {
        if (c.compensationKind() == null || "none".equals(c.compensationKind()) || !"ISSUED".equals(c.compensationStatus())) {
            return null;
        }
        String format = COMPENSATION.get(MailTemplates.languageOf(c.locale())).getOrDefault(c.compensationKind(), "%s");
        return format.formatted(c.compensationAmount().stripTrailingZeros().toPlainString());
    }
}
