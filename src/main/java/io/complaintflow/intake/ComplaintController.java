package io.complaintflow.intake;

import io.complaintflow.security.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintNotFoundException;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.sla.SlaStatus;
import io.complaintflow.sla.SlaStatusView;
import io.complaintflow.web.ApiErrors;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {
    private static final int MAX_IDEMPOTENCY_KEY = 100;
    private static final String STANDARD = "standard";

    public record Receipt(String ticketNumber, String type, String priority, String status,
                          OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue) {
        static Receipt of(Complaint c) {
            return new Receipt(c.ticketNumber(), c.type(), c.priority(), c.status(),
                    c.milestones().firstResponseDue(), c.milestones().resolutionDue());
        }
    }

    /** {@code mailsWaiting}: customer mails queued but not sent yet (e.g. the mail server is down). */
    public record Details(Complaint complaint, SlaStatus sla, List<Timeline.Event> timeline, List<String> mailsWaiting) {
    }

    private final IntakeService intake;
    private final IntakeVocabulary vocabulary;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final SlaStatusView slaStatus;

    public ComplaintController(IntakeService intake, IntakeVocabulary vocabulary, ComplaintRepository complaints,
                               Timeline timeline, SlaStatusView slaStatus) {
        this.intake = intake;
        this.vocabulary = vocabulary;
        this.complaints = complaints;
        this.timeline = timeline;
        this.slaStatus = slaStatus;
    }

    @PostMapping
    public ResponseEntity<Receipt> submit(@RequestBody ComplaintSubmission submission,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiErrors.BadRequest.of("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        refuseSegmentFromAnonymous(submission);
        IntakeService.Receipt receipt;
        try {
            receipt = intake.submit(submission, key);
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            receipt = intake.replay(key, submission).orElseThrow(() -> sameKeyAtTheSameTime);
        }
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Receipt.of(receipt.complaint()));
    }

    /**
     * A customer cannot make themselves VIP: a segment other than standard comes only from staff or a channel
     * integration signed in with HTTP Basic. (An unknown segment is the validator's to name.)
     */
    private void refuseSegmentFromAnonymous(ComplaintSubmission submission) {
        String segment = submission.customer() == null ? null : submission.customer().segment();
        if (segment == null || STANDARD.equals(segment) || !vocabulary.getSegments().contains(segment)) {
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = caller != null && caller.getAuthorities().stream().anyMatch(a -> Groups.STAFF.contains(a.getAuthority()));
        if (!staff) {
            throw ApiErrors.BadRequest.of("customer.segment", "only staff or a channel signed in with HTTP Basic may declare "
                    + "a segment other than " + STANDARD);
        }
    }

    @ExceptionHandler(IntakeService.KeyReusedException.class)
    ResponseEntity<ApiErrors.Problem> keyReused(IntakeService.KeyReusedException e) {
        return ApiErrors.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new ApiErrors.FieldProblem("Idempotency-Key", "was used for a different complaint")));
    }

    /** Staff only (see security.HttpSurfaces): the record and its timeline. */
    @GetMapping("/{ticketNumber}")
    public Details get(@PathVariable String ticketNumber) {
        Complaint c = complaints.findByTicketNumber(ticketNumber)
                .orElseThrow(() -> new ComplaintNotFoundException(ticketNumber));
        List<Timeline.Event> events = timeline.of(c.id());
        return new Details(c, slaStatus.of(c.id()), events, Timeline.mailsWaiting(events));
    }
}
