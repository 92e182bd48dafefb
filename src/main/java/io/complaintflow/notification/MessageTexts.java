package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Writes the plain-text subject and body of each customer message. */
@Component
public class MessageTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public record Text(String subject, String body) {
    }

    private final Timeline timeline;
    private final NotificationProperties properties;

    public MessageTexts(Timeline timeline, NotificationProperties properties) {
        this.timeline = timeline;
        this.properties = properties;
    }

    public Text write(CustomerMessage message, Complaint c) {
        String ticket = c.ticketNumber();
        String greeting = "Dear " + c.customer().name() + ",\n\n";
        String signature = "\n\nKind regards,\nYour ComplaintFlow support team\n(ticket " + ticket + ")\n";
        return switch (message) {
            case ACKNOWLEDGEMENT -> new Text("[" + ticket + "] We have received your message",
                    greeting + "thank you for contacting us about \"" + c.subject() + "\". Your ticket number is " + ticket
                            + ".\nWe will get back to you by " + when(c.milestones().firstResponseDue()) + "." + signature);
            case INFORMATION_REQUEST -> new Text("[" + ticket + "] We need more information",
                    greeting + "to look into \"" + c.subject() + "\" we need more information from you:\n\n"
                            + latest(c, EventKind.INFORMATION_REQUESTED)
                            + "\n\nPlease answer here: " + link("/portal/reply.html", c) + signature);
            case NOT_A_PROBLEM -> new Text("[" + ticket + "] About your report",
                    greeting + "we have checked \"" + c.subject() + "\" carefully:\n\n"
                            + latest(c, EventKind.NOT_A_PROBLEM) + signature);
            case DUPLICATE_NOTICE -> new Text("[" + ticket + "] Already being handled",
                    greeting + "the problem you reported is already known to us and handled under ticket "
                            + c.duplicateOf() + ". We will keep you informed there." + signature);
            case RESOLUTION_NOTICE -> new Text("[" + ticket + "] Your complaint has been resolved",
                    greeting + "your complaint \"" + c.subject() + "\" has been resolved.\n\n"
                            + "What happened: " + c.subject() + "\n"
                            + "Cause: " + orDash(c.rootCause()) + "\n"
                            + "Solution: " + orDash(c.solution()) + "\n"
                            + "Compensation: " + compensation(c) + signature);
            case SURVEY_INVITATION -> new Text("[" + ticket + "] How did we do?",
                    greeting + "we would like to know whether the solution works for you. "
                            + "Please rate it here (1 to 5 stars, one minute): " + link("/portal/survey.html", c)
                            + "\nIf the problem is back, say so there and we will reopen your ticket." + signature);
            case EVALUATION_REPLY -> new Text("[" + ticket + "] Your suggestion",
                    greeting + "thank you for your idea \"" + c.subject() + "\". Our product team's answer:\n\n"
                            + latest(c, EventKind.EVALUATED) + signature);
            case PRAISE_THANKS -> new Text("[" + ticket + "] Thank you!",
                    greeting + "thank you for your kind words about \"" + c.subject()
                            + "\". We have shared them with the team." + signature);
        };
    }

    private String latest(Complaint c, String kind) {
        return timeline.latest(c.id(), kind).map(Timeline.Event::detail).orElse("");
    }

    private String link(String page, Complaint c) {
        return properties.getPublicBaseUrl() + page + "?ticket=" + c.ticketNumber() + "&token=" + c.accessToken();
    }

    private static String when(java.time.OffsetDateTime time) {
        return time == null ? "soon" : WHEN.format(time);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String compensation(Complaint c) {
        if (c.compensationKind() == null || "none".equals(c.compensationKind()) || !"ISSUED".equals(c.compensationStatus())) {
            return "none";
        }
        return c.compensationKind() + " worth " + c.compensationAmount().stripTrailingZeros().toPlainString();
    }
}
