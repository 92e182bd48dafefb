package io.complaintflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the demo profile, mail goes to a built-in catcher (SMTP on 3025, IMAP on 3143, any login) so a
 * newcomer needs no mail server and can read every mail the lifecycle sends.
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(name = "complaintflow.demo.mail-catcher", havingValue = "true", matchIfMissing = true)
public class DemoMailCatcher {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoMailServer(@Value("${spring.mail.port:3025}") int smtpPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(3143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                .withDisabledAuthentication());
        return greenMail;
    }
}
