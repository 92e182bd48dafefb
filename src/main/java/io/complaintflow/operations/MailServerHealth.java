package io.complaintflow.operations;

import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, for information: UNKNOWN (never DOWN) when it cannot be reached, so a mail outage shows in
 * /actuator/health without making a node unready. Mails wait as retried jobs meanwhile; the work goes on.
 */
@Component("mailServer")
public class MailServerHealth extends AbstractHealthIndicator {
    private final JavaMailSenderImpl mailSender;

    public MailServerHealth(JavaMailSenderImpl mailSender) {
        super("Mail server health check failed");
        this.mailSender = mailSender;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("location", mailSender.getHost() + ":" + mailSender.getPort());
        try {
            mailSender.testConnection();
            builder.up();
        } catch (MessagingException e) {
            builder.status(Status.UNKNOWN).withDetail("error", "unreachable: mails wait as retried jobs");
        }
    }
}
