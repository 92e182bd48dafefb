package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one place that mails customers, in the complaint's language. A failure propagates, so the engine
 * retries the job; a mail that went out is never sent again by a retry (see {@link SentMessages}).
 */
@Service
public class CustomerMailer {
    private final MultipartMailer sender;
    private final MailTemplates templates;
    private final CustomerMailModel model;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final SentMessages sent;

    public CustomerMailer(MultipartMailer sender, MailTemplates templates, CustomerMailModel model,
                          ComplaintRepository complaints, Timeline timeline, SentMessages sent) {
        this.sender = sender;
        this.templates = templates;
        this.model = model;
        this.complaints = complaints;
        this.timeline = timeline;
        this.sent = sent;
    }

    /** The customer-message process's variable that names its mail. */
    static final String MESSAGE_KEY = "messageKey";

    /** The key that makes the message go out once: message, complaint and round, fixed when it is queued. */
    public String keyOf(long complaintId, CustomerMessage message) {
        return message.key() + ":" + complaintId + ":" + round(message, complaints.get(complaintId));
    }

    /** The message a key names (its first part). */
    public static CustomerMessage messageOf(String key) {
        return CustomerMessage.of(key.substring(0, key.indexOf(':')));
    }

    public void send(long complaintId, CustomerMessage message, String key) {
        Complaint complaint = complaints.get(complaintId);
        // rendered only when it goes out: each rendering issues the mail's own portal link
        sent.once(key, complaintId, () -> sender.send(complaint.ticketNumber(), List.of(complaint.customer().email()),
                        templates.render(message.key(), complaint.locale(), model.withNewLinks(message, complaint)), key),
                () -> timeline.record(complaintId, Timeline.SYSTEM, EventKind.MAIL_SENT, message.key()));
    }

    /** Messages a complaint can get more than once: each question asked, each resolution after a reopen, each new link. */
    private String round(CustomerMessage message, Complaint c) {
        return switch (message) {
            case INFORMATION_REQUEST -> String.valueOf(timeline.count(c.id(), EventKind.INFORMATION_REQUESTED));
            case RESOLUTION_NOTICE, SURVEY_INVITATION -> String.valueOf(c.reopenCount());
            case PORTAL_LINK -> String.valueOf(timeline.count(c.id(), EventKind.MAIL_QUEUED, message.key()));
            default -> "0";
        };
    }
}
