package io.complaintflow.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the feedback mailbox over IMAP: each mail becomes a complaint or a reply to one and moves to the
 * processed folder once that is committed; bad mail moves to the quarantine folder with its reason logged.
 * One bad mail never stops the poll.
 */
@Component
@EnableConfigurationProperties(MailboxProperties.class)
public class FeedbackMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackMailbox.class);

    private final MailboxProperties properties;
    private final MailHandling handling;

    public FeedbackMailbox(MailboxProperties properties, MailHandling handling) {
        this.properties = properties;
        this.handling = handling;
    }

    /** One node at a time polls (ShedLock), so two nodes never take the same mail at once. */
    @Scheduled(fixedDelayString = "${complaintflow.mailbox.poll-interval:PT1M}")
    @SchedulerLock(name = "feedback-mailbox-poll", lockAtMostFor = "PT2M")
    public void pollOnSchedule() {
        if (!properties.isEnabled()) {
            return;
        }
        try {
            pollOnce();
        } catch (MessagingException | RuntimeException e) {
            // the next poll tries again; mails stay in the inbox until handled
            LOG.warn("Feedback mailbox poll failed: {}", e.toString());
        }
    }

    /** Handles every mail now in the inbox; returns what became of each. */
    public synchronized List<MailHandling.Result> pollOnce() throws MessagingException {
        Properties session = new Properties();
        session.put("mail.store.protocol", properties.getProtocol());
        session.put("mail." + properties.getProtocol() + ".connectiontimeout", "10000");
        session.put("mail." + properties.getProtocol() + ".timeout", "30000");
        List<MailHandling.Result> results = new ArrayList<>();
        try (Store store = Session.getInstance(session).getStore(properties.getProtocol())) {
            store.connect(properties.getHost(), properties.getPort(), properties.getUsername(), properties.getPassword());
            Folder inbox = store.getFolder(properties.getInbox());
            Folder processed = folder(store, properties.getProcessedFolder());
            Folder quarantine = folder(store, properties.getQuarantineFolder());
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isExpunged() || message.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        continue;
                    }
                    MailHandling.Result result = handleOne((MimeMessage) message);
                    if (result != null) {
                        move(inbox, message, result.quarantined() ? quarantine : processed);
                        results.add(result);
                    }
                }
            } finally {
                inbox.close(true);
            }
        }
        return results;
    }

    private MailHandling.Result handleOne(MimeMessage message) {
        IncomingMail mail;
        try {
            mail = IncomingMail.read(message);
        } catch (IncomingMail.Unreadable e) {
            return quarantined(handling.unreadable(unreadableKey(message), e.getMessage()), null);
        }
        try {
            MailHandling.Result result = handling.handle(mail);
            if (result.quarantined()) {
                quarantined(result, mail.messageKey());
            }
            return result;
        } catch (RuntimeException e) {
            // e.g. the database is down: leave the mail for the next poll rather than lose it, and go on
            LOG.warn("Mail {} not handled, left in the inbox: {}", mail.messageKey(), e.toString());
            return null;
        }
    }

    private static MailHandling.Result quarantined(MailHandling.Result result, String key) {
        LOG.warn("Mail {} quarantined: {}", key == null ? "(unreadable)" : key, result.reason());
        return result;
    }

    private static String unreadableKey(MimeMessage message) {
        try {
            return "unreadable:" + Integer.toHexString(String.valueOf(message.getMessageID()).hashCode())
                    + ":" + message.getMessageNumber();
        } catch (MessagingException e) {
            return "unreadable:" + message.getMessageNumber();
        }
    }

    private static Folder folder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    private static void move(Folder from, Message message, Folder to) throws MessagingException {
        from.copyMessages(new Message[] {message}, to);
        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
    }
}
