package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.web.ApiErrors.FieldProblem;
import io.complaintflow.web.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a customer does from the links in our mails: answer a question, answer the survey. The mail's
 * ticket number and access token identify the customer.
 */
@RestController
@RequestMapping("/api/portal")
public class CustomerPortalController {
    public record Reply(String ticketNumber, String token, String message) {
    }

    public record Survey(String ticketNumber, String token, Integer satisfaction, Integer nps, String comment,
                         Boolean reopen) {
    }

    private final ComplaintRepository complaints;
    private final CustomerResponses responses;

    public CustomerPortalController(ComplaintRepository complaints, CustomerResponses responses) {
        this.complaints = complaints;
        this.responses = responses;
    }

    @PostMapping("/replies")
    public ResponseEntity<Void> reply(@RequestBody Reply reply) {
        Complaint complaint = authorised(reply.ticketNumber(), reply.token());
        String message = reply.message() == null ? "" : reply.message().strip();
        if (message.isEmpty() || message.length() > 10000) {
            throw ApiErrors.BadRequest.of("message", "is required, at most 10000 characters");
        }
        responses.answerInformationRequest(complaint, message);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/surveys")
    public ResponseEntity<Void> survey(@RequestBody Survey survey) {
        Complaint complaint = authorised(survey.ticketNumber(), survey.token());
        List<FieldProblem> problems = new ArrayList<>();
        if (survey.satisfaction() == null || survey.satisfaction() < 1 || survey.satisfaction() > 5) {
            problems.add(new FieldProblem("satisfaction", "is required, from 1 to 5"));
        }
        if (survey.nps() != null && (survey.nps() < 0 || survey.nps() > 10)) {
            problems.add(new FieldProblem("nps", "must be from 0 to 10"));
        }
        String comment = survey.comment() == null || survey.comment().isBlank() ? null : survey.comment().strip();
        if (comment != null && comment.length() > 4000) {
            problems.add(new FieldProblem("comment", "must be at most 4000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiErrors.BadRequest(problems);
        }
        responses.answerSurvey(complaint, new CustomerResponses.SurveyAnswer(survey.satisfaction(), survey.nps(), comment,
                Boolean.TRUE.equals(survey.reopen())));
        return ResponseEntity.accepted().build();
    }

    private Complaint authorised(String ticketNumber, String token) {
        return complaints.findByAccessToken(token == null ? "" : token)
                .filter(c -> c.ticketNumber().equals(ticketNumber))
                .orElseThrow(() -> ApiErrors.BadRequest.of("token", "does not match the ticket"));
    }

    @ExceptionHandler(CustomerResponses.NotExpectedException.class)
    ResponseEntity<ApiErrors.Problem> notExpected(CustomerResponses.NotExpectedException e) {
        return ApiErrors.problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }
}
