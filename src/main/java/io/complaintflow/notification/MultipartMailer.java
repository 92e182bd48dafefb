package io.complaintflow.notification;

import java.nio.charset.StandardCharsets;
import io.complaintflow.mailbox.IncomingMail;
import java.util.Collection;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a rendered mail as multipart/alternative: plain text and HTML, UTF-8 throughout. */
@Component
public class MultipartMailer {
    static {
        // Jakarta Mail looks its stream provider up through ServiceLoader (a scan of every jar) for each part of
        // every message unless this names it: a seventh of a mail job's CPU time.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    public MultipartMailer(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /**
     * The Message-ID names the ticket, so a customer's reply (In-Reply-To, References) finds its complaint even
     * when the subject was changed.
     */
    public void send(String ticketNumber, Collection<String> to, MailTemplates.Mail mail) {
        if (to.isEmpty()) {
            return;
        }
        mailSender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getFrom());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // RFC 3834: other robots must not answer ours; our own mailbox recognises its own mail as a loop
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader(IncomingMail.LOOP_HEADER, "1");
            mime.setHeader("Message-ID", "<" + ticketNumber + "." + java.util.UUID.randomUUID() + "@complaintflow>");
        });
    }
}
