package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.notification.MailInstallation;
import io.complaintflow.notification.MailTemplates;
import io.complaintflow.notification.MultipartMailer;
import io.complaintflow.notification.NotificationProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail server that is down: counted, retried by the caller, shown as UNKNOWN (information), never DOWN. */
class MailOutageVisibilityTest {
    static final MailTemplates.Mail ACK = new MailTemplates.Mail("acknowledgement", "Received", "text", "<p>html</p>");

    private static JavaMailSenderImpl unreachable() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(JarNode.freePort());
        return sender;
    }

    @Test
    void aRefusedMailIsCountedAndThrownSoTheJobRetries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MultipartMailer mailer = new MultipartMailer(unreachable(), new NotificationProperties(), new OperationsMetrics(registry),
                new MailInstallation(null) {
                    @Override
                    public String id() {
                        return "installation-1";
                    }
                });
        assertThatThrownBy(() -> mailer.send("CF-2026-000001", List.of("wang.fang@example.com"), ACK, "acknowledgement:1:0"))
                .isInstanceOf(MailSendException.class);
        assertThat(registry.get("complaintflow.mails.failed").tag("kind", "acknowledgement").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("complaintflow.mails.sent").counter()).isNull();
    }

    @Test
    void anUnreachableMailServerIsInformationNotAFailure() {
        var health = new MailServerHealth(unreachable()).health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("error", "unreachable: mails wait as retried jobs");
    }
}
