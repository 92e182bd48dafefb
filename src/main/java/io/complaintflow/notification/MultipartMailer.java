package io.complaintflow.notification;

import io.complaintflow.mailbox.IncomingMail;
import io.complaintflow.operations.OperationsMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.mail.MailException;
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
    private final OperationsMetrics metrics;
    private final MailInstallation installation;

    public MultipartMailer(JavaMailSender mailSender, NotificationProperties properties, OperationsMetrics metrics,
                           MailInstallation installation) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.metrics = metrics;
        this.installation = installation;
    }

    /**
     * The Message-ID names the ticket, so a customer's reply (In-Reply-To, References) finds its complaint even
     * when the subject was changed. The rest of it comes from this installation and {@code messageKey}: a mail sent
     * again for the same key (a job retried after a node died between the send and its commit) carries the same
     * Message-ID, and mail clients show it once.
     */
    public void send(String ticketNumber, Collection<String> to, MailTemplates.Mail mail, String messageKey) {
        if (to.isEmpty()) {
            return;
        }
        try {
            mailSender.send(mime -> {
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.getFrom());
                helper.setTo(to.toArray(String[]::new));
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                // RFC 3834: other robots must not answer ours; our own mailbox recognises its own mail as a loop
                mime.setHeader("Auto-Submitted", "auto-generated");
                mime.setHeader(IncomingMail.LOOP_HEADER, "1");
                mime.setHeader("Message-ID", messageId(ticketNumber, installation.id() + ":" + messageKey));
            });
        } catch (MailException e) {
            metrics.mailFailed(mail.template());
            throw e;
        }
        metrics.mailSent(mail.template());
    }

    public static String messageId(String ticketNumber, String messageKey) {
        return "<" + ticketNumber + "." + DigestUtils.sha256Hex(messageKey).substring(0, 32) + "@complaintflow>";
    }
}
