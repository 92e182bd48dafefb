package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.ComplaintStatus;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.engine.SystemAccess;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

    /** The complaint is not waiting for this kind of answer right now; the message is a key of messages*.properties. */
    public static class NotExpectedException extends RuntimeException {
        public NotExpectedException(String reasonKey) {
            super(reasonKey);
        }
    }

    /** What a customer can do on the portal now. */
    public enum Action { ANSWER_QUESTION, ANSWER_SURVEY, REPORT_PROBLEM_BACK }

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
        correlate(complaint, INFORMATION_RECEIVED, Map.of(), "portal.notWaitingForInformation");
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
        Map<String, Object> variables = new HashMap<>();
        variables.put("satisfaction", answer.satisfaction());
        variables.put("nps", answer.nps());
        variables.put("reopenRequested", answer.reopen());
        correlate(complaint, SURVEY_ANSWERED, variables, "portal.surveyNotOpen");
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
            correlate(complaint, PROBLEM_REPORTED_AGAIN, Map.of(), "portal.notWatched");
            return "asked to reopen";
        }
        if (waitingFor(complaint, SURVEY_ANSWERED)) {
            correlate(complaint, SURVEY_ANSWERED, Map.of("reopenRequested", true), "portal.surveyNotOpen");
            return "asked to reopen";
        }
        return "noted on the timeline";
    }

    /**
     * The customer says the problem is back: onto the timeline, and the supervisors review a reopening, during the
     * observation period or while the survey is open; refused otherwise.
     */
    @Transactional
    public void reportProblemAgain(Complaint complaint, String text) {
        if (!waitingFor(complaint, PROBLEM_REPORTED_AGAIN) && !waitingFor(complaint, SURVEY_ANSWERED)) {
            throw new NotExpectedException("portal.notWatched");
        }
        writeBack(complaint, text);
    }

    /** What the lifecycle waits for from the customer right now (the survey whatever token asks). */
    public Set<Action> expected(Complaint complaint) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (waitingFor(complaint, INFORMATION_RECEIVED)) {
            actions.add(Action.ANSWER_QUESTION);
        }
        if (waitingFor(complaint, SURVEY_ANSWERED)) {
            actions.add(Action.ANSWER_SURVEY);
            actions.add(Action.REPORT_PROBLEM_BACK);
        }
        if (waitingFor(complaint, PROBLEM_REPORTED_AGAIN)) {
            actions.add(Action.REPORT_PROBLEM_BACK);
        }
        return actions;
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
