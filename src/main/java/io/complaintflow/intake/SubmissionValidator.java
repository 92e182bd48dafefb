package io.complaintflow.intake;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.NewComplaint;
import io.complaintflow.web.Problems;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks a submission field by field and turns it into a complaint ready to register. The reasons come from
 * messages*.properties: English for the REST API, the customer's language for the portal.
 */
@Component
public class SubmissionValidator {
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()\\-]{3,40}$");

    private final IntakeVocabulary vocabulary;
    private final MessageSource messages;

    public SubmissionValidator(IntakeVocabulary vocabulary, MessageSource messages) {
        this.vocabulary = vocabulary;
        this.messages = messages;
    }

    public record Valid(NewComplaint complaint, String segment) {
    }

    public Valid validate(ComplaintSubmission s) {
        return validate(s, Locale.ENGLISH);
    }

    public Valid validate(ComplaintSubmission s, Locale language) {
        Problems errors = new Problems(messages, language);
        String channel = oneOf(errors, "channel", s.channel(), vocabulary.getChannels(), true);
        String type = oneOf(errors, "type", s.type(), vocabulary.getTypes(), false);
        String category = oneOf(errors, "category", s.category(), vocabulary.getCategories(), true);
        String subject = text(errors, "subject", s.subject(), 200, true);
        String description = text(errors, "description", s.description(), 20000, true);
        String locale = oneOf(errors, "locale", s.locale(), vocabulary.getLocales(), true);
        ComplaintSubmission.Customer customer = s.customer();
        String name = null, email = null, phone = null, segment = "standard";
        if (customer == null) {
            errors.add("customer", "field.required");
        } else {
            name = text(errors, "customer.name", customer.name(), 200, true);
            email = text(errors, "customer.email", customer.email(), 320, true);
            String emailProblem = email == null ? null : EmailAddress.problem(email);
            if (emailProblem != null) {
                errors.add("customer.email", emailProblem);
            }
            phone = text(errors, "customer.phone", customer.phone(), 40, false);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add("customer.phone", "field.phone");
            }
            String declaredSegment = oneOf(errors, "customer.segment", customer.segment(), vocabulary.getSegments(), false);
            if (declaredSegment != null) {
                segment = declaredSegment;
            }
        }
        errors.throwIfAny();
        return new Valid(new NewComplaint(channel, type, category, subject, description, locale,
                new Complaint.Customer(name, email, phone, segment)), segment);
    }

    private static String text(Problems errors, String field, String value, int maxLength, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                errors.add(field, "field.required");
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            errors.add(field, "field.tooLong", String.valueOf(maxLength));
        }
        if (trimmed.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(field, "field.controlCharacters");
        }
        return trimmed;
    }

    private static String oneOf(Problems errors, String field, String value, List<String> allowed, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                errors.add(field, "field.requiredOneOf", String.join(", ", allowed));
            }
            return null;
        }
        if (!allowed.contains(trimmed)) {
            errors.add(field, "field.oneOf", String.join(", ", allowed));
            return null;
        }
        return trimmed;
    }
}
