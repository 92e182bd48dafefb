package io.complaintflow.intake;

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
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final SlaStatusView slaStatus;

    public ComplaintController(IntakeService intake, ComplaintRepository complaints, Timeline timeline,
                               SlaStatusView slaStatus) {
        this.intake = intake;
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
        IntakeService.Receipt receipt;
        try {
            receipt = intake.submit(submission, key);
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            receipt = intake.replay(key, submission).orElseThrow(() -> sameKeyAtTheSameTime);
        }
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Receipt.of(receipt.complaint()));
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
