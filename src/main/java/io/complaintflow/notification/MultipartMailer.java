package io.complaintflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a rendered mail as multipart/alternative: plain text and HTML, UTF-8 throughout. */
@Component
public class MultipartMailer {
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    public MultipartMailer(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public void send(Collection<String> to, MailTemplates.Mail mail) {
        if (to.isEmpty()) {
            return;
        }
        mailSender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getFrom());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        });
    }
}
