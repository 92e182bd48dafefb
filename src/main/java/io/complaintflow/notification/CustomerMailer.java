package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** The one place that sends customers mail. A failure propagates, so the engine retries the job. */
@Service
public class CustomerMailer {
    private final JavaMailSender mailSender;
    private final MessageTexts texts;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final NotificationProperties properties;

    public CustomerMailer(JavaMailSender mailSender, MessageTexts texts, ComplaintRepository complaints,
                          Timeline timeline, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.texts = texts;
        this.complaints = complaints;
        this.timeline = timeline;
        this.properties = properties;
    }

    public void send(long complaintId, CustomerMessage message) {
        Complaint complaint = complaints.get(complaintId);
        MessageTexts.Text text = texts.write(message, complaint);
        mailSender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getFrom());
            helper.setTo(complaint.customer().email());
            helper.setSubject(text.subject());
            helper.setText(text.body(), false);
        });
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.MAIL_SENT, message.key());
    }
}
