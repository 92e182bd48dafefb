package io.complaintflow.operations;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, for information: UNKNOWN (never DOWN) when it cannot be reached, so a mail outage shows in
 * /actuator/health without making a node unready. Mails wait as retried jobs meanwhile; the work goes on.
 * Checked at most every {@link #CHECK_EVERY}: /actuator/health is public, and must not open an SMTP session per call.
 */
@Component("mailServer")
public class MailServerHealth extends AbstractHealthIndicator {
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final JavaMailSenderImpl mailSender;
    private Instant checkedAt = Instant.MIN;
    private String unreachable;

    public MailServerHealth(JavaMailSenderImpl mailSender) {
        super("Mail server health check failed");
        this.mailSender = mailSender;
    }

    @Override
    protected synchronized void doHealthCheck(Health.Builder builder) {
        if (Instant.now().isAfter(checkedAt.plus(CHECK_EVERY))) {
            checkedAt = Instant.now();
            try {
                mailSender.testConnection();
                unreachable = null;
            } catch (MessagingException e) {
                unreachable = "unreachable: mails wait as retried jobs";
            }
        }
        builder.withDetail("location", mailSender.getHost() + ":" + mailSender.getPort());
        if (unreachable == null) {
            builder.up();
        } else {
            builder.status(Status.UNKNOWN).withDetail("error", unreachable);
        }
    }
}
