package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.security.PortalTokens;
import io.complaintflow.web.ApiErrors;
import io.complaintflow.web.CustomerLanguage;
import io.complaintflow.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a customer does with their private link (from the portal's answer page or any of our mails): see the
 * progress, answer a question, answer the survey, say the problem is back. Ticket number and token travel in the
 * body, never in an address. A wrong, expired or unknown token and an unknown ticket get the same 404, so no one
 * learns which tickets exist. Answers are in the customer's language (Accept-Language).
 */
@RestController
@RequestMapping("/api/portal")
public class CustomerPortalController {
    static final int MAX_MESSAGE = 10000;
    static final int MAX_COMMENT = 4000;
    static final int MAX_TICKET = 40;
    static final int MAX_EMAIL = 320;

    public record Link(String ticketNumber, String token) {
    }

    public record Reply(String ticketNumber, String token, String message) {
    }

    /** The problem is back, in the customer's words. */
    public record ProblemBack(String ticketNumber, String token, String message) {
    }

    /** A customer who lost their link: the ticket number and the address the complaint was filed with. */
    public record NewLink(String ticketNumber, String email) {
    }

    /** What the portal shows after a request that tells nothing more (e.g. whether a ticket exists). */
    public record Notice(String message) {
    }

    public record Survey(String ticketNumber, String token, Integer satisfaction, Integer nps, String comment,
                         Boolean reopen) {
    }

    /** The link opened no ticket; the same for an unknown ticket and a wrong or expired token. */
    static class NoSuchTicket extends RuntimeException {
    }

    /** This token answered the survey already. */
    static class SurveyAnsweredWithThisLink extends RuntimeException {
    }

    private final ComplaintRepository complaints;
    private final CustomerResponses responses;
    private final CustomerProgress progress;
    private final PortalTokens tokens;
    private final NewPortalLinks newLinks;
    private final MessageSource messages;

    public CustomerPortalController(ComplaintRepository complaints, CustomerResponses responses, CustomerProgress progress,
                                    PortalTokens tokens, NewPortalLinks newLinks, MessageSource messages) {
        this.complaints = complaints;
        this.responses = responses;
        this.progress = progress;
        this.tokens = tokens;
        this.newLinks = newLinks;
        this.messages = messages;
    }

    @PostMapping("/progress")
    public CustomerProgress.Progress progress(@RequestBody Link link) {
        PortalTokens.Access access = open(link.ticketNumber(), link.token());
        return progress.of(complaints.get(access.complaintId()), tokens.usedForSurvey(access));
    }

    @PostMapping("/replies")
    public ResponseEntity<Void> reply(@RequestBody Reply reply, HttpServletRequest request) {
        Complaint complaint = complaints.get(open(reply.ticketNumber(), reply.token()).complaintId());
        responses.answerInformationRequest(complaint, requiredText(reply.message(), request));
        return ResponseEntity.accepted().build();
    }

    /** The problem is back, in the customer's words: the supervisors review a reopening. */
    @PostMapping("/problem-back")
    public ResponseEntity<Void> problemBack(@RequestBody ProblemBack report, HttpServletRequest request) {
        Complaint complaint = complaints.get(open(report.ticketNumber(), report.token()).complaintId());
        responses.reportProblemAgain(complaint, requiredText(report.message(), request));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/surveys")
    @Transactional
    public ResponseEntity<Void> survey(@RequestBody Survey survey, HttpServletRequest request) {
        PortalTokens.Access access = open(survey.ticketNumber(), survey.token());
        Problems problems = new Problems(messages, CustomerLanguage.of(request));
        if (survey.satisfaction() == null || survey.satisfaction() < 1 || survey.satisfaction() > 5) {
            problems.add("satisfaction", "field.range", "1", "5");
        }
        if (survey.nps() != null && (survey.nps() < 0 || survey.nps() > 10)) {
            problems.add("nps", "field.optionalRange", "0", "10");
        }
        String comment = survey.comment() == null || survey.comment().isBlank() ? null : survey.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add("comment", "field.tooLong", String.valueOf(MAX_COMMENT));
        }
        problems.throwIfAny();
        if (!tokens.useForSurvey(access)) {
            throw new SurveyAnsweredWithThisLink();
        }
        responses.answerSurvey(complaints.get(access.complaintId()), new CustomerResponses.SurveyAnswer(survey.satisfaction(),
                survey.nps(), comment, Boolean.TRUE.equals(survey.reopen())));
        return ResponseEntity.accepted().build();
    }

    /**
     * "Send me a new link": the same answer whether or not the ticket exists and the address is its customer's, so
     * the form reveals nothing; a mail goes out only in the second case (see {@link NewPortalLinks}).
     */
    @PostMapping("/new-link")
    public ResponseEntity<Notice> newLink(@RequestBody NewLink request, HttpServletRequest http) {
        Problems problems = new Problems(messages, CustomerLanguage.of(http));
        String ticket = request.ticketNumber() == null ? "" : request.ticketNumber().strip();
        String email = request.email() == null ? "" : request.email().strip();
        if (ticket.isEmpty() || ticket.length() > MAX_TICKET) {
            problems.add("ticketNumber", "field.requiredText", String.valueOf(MAX_TICKET));
        }
        if (email.isEmpty()) {
            problems.add("email", "field.required");
        } else if (email.length() > MAX_EMAIL || email.indexOf('@') < 1) {
            problems.add("email", "email.invalid");
        }
        problems.throwIfAny();
        newLinks.request(ticket, email);
        return ResponseEntity.accepted().body(new Notice(messages.getMessage("portal.newLinkRequested", null,
                CustomerLanguage.of(http))));
    }

    private PortalTokens.Access open(String ticketNumber, String token) {
        return tokens.open(ticketNumber, token).orElseThrow(NoSuchTicket::new);
    }

    private String requiredText(String text, HttpServletRequest request) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            new Problems(messages, CustomerLanguage.of(request))
                    .add("message", "field.requiredText", String.valueOf(MAX_MESSAGE)).throwIfAny();
        }
        return message;
    }

    @ExceptionHandler(NoSuchTicket.class)
    ResponseEntity<ApiErrors.Problem> noSuchTicket(HttpServletRequest request) {
        return refusal(HttpStatus.NOT_FOUND, "portal.noSuchTicket", request);
    }

    @ExceptionHandler(SurveyAnsweredWithThisLink.class)
    ResponseEntity<ApiErrors.Problem> surveyAnswered(HttpServletRequest request) {
        return refusal(HttpStatus.CONFLICT, "portal.surveyAlreadyAnswered", request);
    }

    @ExceptionHandler(CustomerResponses.NotExpectedException.class)
    ResponseEntity<ApiErrors.Problem> notExpected(CustomerResponses.NotExpectedException e, HttpServletRequest request) {
        return refusal(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    private ResponseEntity<ApiErrors.Problem> refusal(HttpStatus status, String key, HttpServletRequest request) {
        return ApiErrors.problem(status, messages.getMessage(key, null, CustomerLanguage.of(request)), List.of());
    }
}
