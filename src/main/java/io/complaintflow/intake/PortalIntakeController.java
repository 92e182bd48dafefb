package io.complaintflow.intake;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.security.PortalTokens;
import io.complaintflow.web.CustomerLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer portal's "file a complaint" form (static/portal/index.html): the fields of POST /api/complaints a
 * customer fills in, the same checks with the reasons in the customer's language, and a private progress link.
 * The channel is "portal" and the segment "standard": a customer does not choose either.
 */
@RestController
public class PortalIntakeController {
    public record PortalSubmission(String type, String category, String subject, String description, String locale,
                                   Customer customer) {
        public record Customer(String name, String email, String phone) {
        }
    }

    /** What the answer page shows; {@code progressLink} is the customer's private link (only this answer holds it). */
    public record PortalReceipt(String ticketNumber, String status, OffsetDateTime firstResponseDue, String progressLink) {
    }

    private final IntakeService intake;
    private final PortalTokens tokens;

    public PortalIntakeController(IntakeService intake, PortalTokens tokens) {
        this.intake = intake;
        this.tokens = tokens;
    }

    @PostMapping("/api/portal/complaints")
    @Transactional
    public ResponseEntity<PortalReceipt> submit(@RequestBody PortalSubmission s, HttpServletRequest request) {
        PortalSubmission.Customer customer = s.customer();
        ComplaintSubmission submission = new ComplaintSubmission("portal", s.type(), s.category(), s.subject(),
                s.description(), s.locale(), customer == null ? null
                        : new ComplaintSubmission.Customer(customer.name(), customer.email(), customer.phone(), "standard"));
        Complaint complaint = intake.submit(submission, null, CustomerLanguage.of(request)).complaint();
        String token = tokens.issue(complaint.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(new PortalReceipt(complaint.ticketNumber(), complaint.status(),
                complaint.milestones().firstResponseDue(), PortalTokens.link("progress", complaint.ticketNumber(), token)));
    }
}
