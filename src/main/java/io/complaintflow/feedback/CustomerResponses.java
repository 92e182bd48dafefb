package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.ComplaintStatus;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.engine.SystemAccess;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What customers send back: answers to our questions and their survey. */
@Service
public class CustomerResponses {
    public static final String INFORMATION_RECEIVED = "InformationReceived";
    public static final String SURVEY_ANSWERED = "SurveyAnswered";
    public static final String PROBLEM_REPORTED_AGAIN = "ProblemReportedAgain";

    /** The complaint is not waiting for this kind of answer right now. */
    public static class NotExpectedException extends RuntimeException {
        public NotExpectedException(String message) {
            super(message);
        }
    }

    public record SurveyAnswer(int satisfaction, Integer nps, String comment, boolean reopen) {
    }

    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;

    public CustomerResponses(ComplaintRepository complaints, Timeline timeline, RuntimeService runtimeService,
                             JdbcTemplate jdbc) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    @Transactional
    public void answerInformationRequest(Complaint complaint, String answer) {
        timeline.record(complaint.id(), Timeline.CUSTOMER, EventKind.CUSTOMER_REPLIED, answer);
        correlate(complaint, INFORMATION_RECEIVED, Map.of(), "We are not waiting for information on this ticket");
        complaints.updateStatus(complaint.id(), ComplaintStatus.IN_PROGRESS);
    }

    @Transactional
    public void answerSurvey(Complaint complaint, SurveyAnswer answer) {
        jdbc.update("INSERT INTO survey_response (complaint_id, round, satisfaction, nps, comment, reopen_requested, answered_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", complaint.id(), complaint.reopenCount(), answer.satisfaction(),
                answer.nps(), answer.comment(), answer.reopen(), EngineClock.now());
        timeline.record(complaint.id(), Timeline.CUSTOMER, EventKind.SURVEY_ANSWERED,
                "satisfaction %d/5, NPS %s%s%s".formatted(answer.satisfaction(), answer.nps() == null ? "-" : answer.nps(),
                        answer.reopen() ? ", asks to reopen" : "",
                        answer.comment() == null ? "" : ": " + answer.comment()));
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("satisfaction", answer.satisfaction());
        variables.put("nps", answer.nps());
        variables.put("reopenRequested", answer.reopen());
        correlate(complaint, SURVEY_ANSWERED, variables, "This ticket's survey is not open");
    }

    /**
     * A customer wrote back about a ticket (e.g. by e-mail): it goes onto the timeline and answers an open
     * information request, or, during the follow-up (observation period and open survey), asks the supervisors
     * to reopen the case.
     * Returns what it did.
     */
    @Transactional
    public String writeBack(Complaint complaint, String text) {
        if (waitingFor(complaint, INFORMATION_RECEIVED)) {
            answerInformationRequest(complaint, text);
            return "answered the information request";
        }
        timeline.record(complaint.id(), Timeline.CUSTOMER, EventKind.CUSTOMER_REPLIED, text);
        if (waitingFor(complaint, PROBLEM_REPORTED_AGAIN)) {
            correlate(complaint, PROBLEM_REPORTED_AGAIN, Map.of(), "The fix of this ticket is not being watched");
            return "asked to reopen";
        }
        if (waitingFor(complaint, SURVEY_ANSWERED)) {
            correlate(complaint, SURVEY_ANSWERED, Map.of("reopenRequested", true), "This ticket's survey is not open");
            return "asked to reopen";
        }
        return "noted on the timeline";
    }

    private boolean waitingFor(Complaint complaint, String message) {
        return SystemAccess.call(() -> runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(complaint.ticketNumber()).messageEventSubscriptionName(message).count() > 0);
    }

    private void correlate(Complaint complaint, String message, Map<String, Object> variables, String notExpected) {
        try {
            runtimeService.createMessageCorrelation(message)
                    .processInstanceBusinessKey(complaint.ticketNumber())
                    .setVariables(variables)
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new NotExpectedException(notExpected);
        }
    }
}
