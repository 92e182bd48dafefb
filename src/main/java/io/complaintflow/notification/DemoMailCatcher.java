package io.complaintflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * In the demo profile, mail goes to a built-in catcher (SMTP on 3025, IMAP on 3143, any login) so a
 * newcomer needs no mail server and can read every mail the lifecycle sends. It keeps mail in memory, so once it
 * holds more than complaintflow.demo.mail-catcher-limit messages (default 2,000) it forgets them all: a demo left
 * running, or a benchmark, would otherwise fill the heap (bench/README.md).
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(name = "complaintflow.demo.mail-catcher", havingValue = "true", matchIfMissing = true)
public class DemoMailCatcher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoMailCatcher.class);

    @Value("${complaintflow.demo.mail-catcher-limit:2000}")
    private int limit;
    private GreenMail server;

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoMailServer(@Value("${spring.mail.port:3025}") int smtpPort,
                             @Value("${complaintflow.mailbox.port:3143}") int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                .withDisabledAuthentication());
        server = greenMail;
        return greenMail;
    }

    @Scheduled(fixedDelay = 30_000)
    void forgetOldMail() throws Exception {
        if (server != null && server.getReceivedMessages().length > limit) {
            server.purgeEmailFromAllMailboxes();
            LOG.info("The demo mail catcher held more than {} messages and forgot them", limit);
        }
    }
}
