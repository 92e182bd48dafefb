package io.complaintflow.mailbox;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.feedback.CustomerResponses;
import io.complaintflow.intake.ComplaintSubmission;
import io.complaintflow.intake.IntakeService;
import io.complaintflow.intake.SubmissionValidator;
import io.complaintflow.web.ApiErrors;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what one mail from the feedback mailbox is: a new complaint, a reply to a ticket, or something for
 * the quarantine; and records it in the same transaction, so the mail is moved out of the inbox only after
 * the complaint is committed and the same Message-ID is handled once (the key's primary key also stops
 * a second poller handling the same mail at the same time: its transaction rolls back whole).
 */
@Service
public class MailHandling {
    private static final Pattern TICKET = Pattern.compile("CF-\\d{4}-\\d{6}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_RECEIVED_HOPS = 30;

    public enum Outcome { NEW_COMPLAINT, REPLY, ALREADY_HANDLED, QUARANTINED }

    public record Result(Outcome outcome, String ticketNumber, String reason) {
        boolean quarantined() {
            return outcome == Outcome.QUARANTINED;
        }
    }

    private final IntakeService intake;
    private final SubmissionValidator validator;
    private final ComplaintRepository complaints;
    private final CustomerResponses customers;
    private final MailboxProperties properties;
    private final JdbcTemplate jdbc;

    public MailHandling(IntakeService intake, SubmissionValidator validator, ComplaintRepository complaints, CustomerResponses customers,
                        MailboxProperties properties, JdbcTemplate jdbc) {
        this.intake = intake;
        this.validator = validator;
        this.complaints = complaints;
        this.customers = customers;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Transactional
    public Result handle(IncomingMail mail) {
        if (alreadyHandled(mail.messageKey())) {
            return new Result(Outcome.ALREADY_HANDLED, null, null);
        }
        String problem = quarantineReason(mail);
        if (problem != null) {
            return record(mail, new Result(Outcome.QUARANTINED, null, problem), null);
        }
        Optional<Complaint> ticket = ticketOf(mail);
        if (ticket.isPresent()) {
            String did = customers.writeBack(ticket.get(), mail.text().strip());
            return record(mail, new Result(Outcome.REPLY, ticket.get().ticketNumber(), did), ticket.get().id());
        }
        ComplaintSubmission submission = submission(mail);
        try {
            // checked first: a refusal inside the intake's transaction would roll back this one too
            validator.validate(submission);
        } catch (ApiErrors.BadRequest refused) {
            return record(mail, new Result(Outcome.QUARANTINED, null, "refused by intake: " + refused.getMessage()), null);
        }
        Complaint complaint = intake.submit(submission, null).complaint();
        return record(mail, new Result(Outcome.NEW_COMPLAINT, complaint.ticketNumber(), null), complaint.id());
    }

    /** Records a mail that could not even be read. */
    @Transactional
    public Result unreadable(String messageKey, String reason) {
        if (!alreadyHandled(messageKey)) {
            insert(messageKey, null, Outcome.QUARANTINED, reason);
        }
        return new Result(Outcome.QUARANTINED, null, reason);
    }

    private String quarantineReason(IncomingMail mail) {
        if (mail.from() == null || mail.from().getAddress() == null || mail.from().getAddress().isBlank()) {
            return "no sender";
        }
        if (mail.isAutomatic()) {
            return "auto-reply or bounce";
        }
        String sender = mail.from().getAddress().toLowerCase();
        if (mail.hasLoopHeader() || properties.getOwnAddresses().stream().anyMatch(own -> own.equalsIgnoreCase(sender))
                || mail.receivedHops() > MAX_RECEIVED_HOPS) {
            return "mail loop";
        }
        if (mail.size() > properties.getMaxMessageBytes()) {
            return "too big: " + mail.size() + " bytes";
        }
        if (mail.text() == null || mail.text().isBlank()) {
            return "no readable text";
        }
        if (mail.text().length() > properties.getMaxBodyChars()) {
            return "body too long: " + mail.text().length() + " characters";
        }
        return null;
    }

    /** A ticket number in the subject, or in the In-Reply-To / References headers of a reply to our mail. */
    private Optional<Complaint> ticketOf(IncomingMail mail) {
        for (String place : new String[] {mail.subject(), mail.inReplyTo(), mail.references()}) {
            if (place == null) {
                continue;
            }
            Matcher m = TICKET.matcher(place);
            while (m.find()) {
                Optional<Complaint> complaint = complaints.findByTicketNumber(m.group());
                if (complaint.isPresent()) {
                    return complaint;
                }
            }
        }
        return Optional.empty();
    }

    private static ComplaintSubmission submission(IncomingMail mail) {
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        String text = mail.text().strip();
        String name = mail.from().getPersonal() != null && !mail.from().getPersonal().isBlank()
                ? mail.from().getPersonal() : mail.from().getAddress().split("@")[0];
        String locale = CHINESE.matcher(subject + text).find() ? "zh-CN" : "en";
        return new ComplaintSubmission("email", null, "other",
                subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject, text, locale,
                new ComplaintSubmission.Customer(name, mail.from().getAddress(), null, null));
    }

    private boolean alreadyHandled(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM received_mail WHERE message_key = ?", Integer.class, key) > 0;
    }

    private Result record(IncomingMail mail, Result result, Long complaintId) {
        insert(mail.messageKey(), complaintId, result.outcome(), result.reason());
        return result;
    }

    private void insert(String key, Long complaintId, Outcome outcome, String reason) {
        jdbc.update("INSERT INTO received_mail (message_key, complaint_id, outcome, reason, received_at) VALUES (?, ?, ?, ?, ?)",
                key, complaintId, outcome.name(), reason == null ? null : reason.substring(0, Math.min(200, reason.length())),
                EngineClock.now());
    }
}
