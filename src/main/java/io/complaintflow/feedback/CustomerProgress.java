package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A complaint as its customer sees it on the progress page: where it stands, the promised and actual times, the
 * steps that concern the customer, and what they can do now. Never a staff name, an internal note, a tier, an SLA
 * alarm or a queued mail: the page shows codes the portal words in the customer's language, plus only the texts the
 * customer wrote or was sent (our question, the explanation, the evaluation).
 */
@Service
public class CustomerProgress {
    /** Steps the customer sees; of these, only the texts of {@link #TEXT_SHOWN} are shown. */
    static final Set<String> SHOWN = Set.of(EventKind.RECEIVED, EventKind.CONFIRMED, EventKind.INFORMATION_REQUESTED,
            EventKind.CUSTOMER_REPLIED, EventKind.NOT_A_PROBLEM, EventKind.DUPLICATE, EventKind.INCIDENT_LINKED, EventKind.ESCALATED,
            EventKind.IMPLEMENTED, EventKind.COMPENSATION_ISSUED, EventKind.EVALUATED, EventKind.MAIL_SENT,
            EventKind.SURVEY_ANSWERED, EventKind.REOPENED, EventKind.CLOSED);
    /** Texts the customer wrote or was sent by mail; MAIL_SENT's text names the mail (e.g. resolutionNotice). */
    static final Set<String> TEXT_SHOWN = Set.of(EventKind.INFORMATION_REQUESTED, EventKind.CUSTOMER_REPLIED,
            EventKind.NOT_A_PROBLEM, EventKind.EVALUATED, EventKind.MAIL_SENT);

    public record Step(OffsetDateTime at, String kind, String text) {
    }

    public record Promise(OffsetDateTime promised, OffsetDateTime actual) {
    }

    public record Progress(String ticketNumber, String subject, String type, String status, String outcome,
                           OffsetDateTime receivedAt, Promise firstResponse, Promise resolution, OffsetDateTime closedAt,
                           List<Step> timeline, Set<CustomerResponses.Action> actions) {
    }

    private final Timeline timeline;
    private final CustomerResponses responses;

    public CustomerProgress(Timeline timeline, CustomerResponses responses) {
        this.timeline = timeline;
        this.responses = responses;
    }

    /** {@code surveyAnswered}: this link answered the survey already, so it is not offered again. */
    public Progress of(Complaint c, boolean surveyAnswered) {
        var m = c.milestones();
        Set<CustomerResponses.Action> actions = responses.expected(c);
        if (surveyAnswered) {
            actions.remove(CustomerResponses.Action.ANSWER_SURVEY);
        }
        return new Progress(c.ticketNumber(), c.subject(), c.type(), c.status(), c.outcome(), m.receivedAt(),
                new Promise(m.firstResponseDue(), m.firstResponseAt()), new Promise(m.resolutionDue(), m.resolvedAt()),
                m.closedAt(), steps(c.id()), actions);
    }

    private List<Step> steps(long complaintId) {
        return timeline.of(complaintId).stream()
                .filter(e -> SHOWN.contains(e.kind()))
                .map(e -> new Step(e.at(), e.kind(), TEXT_SHOWN.contains(e.kind()) ? e.detail() : null))
                .toList();
    }
}
