package io.complaintflow.complaint;

import io.complaintflow.engine.TaskFormValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What a complaint's task forms show of it (the read-only fields): read from the complaint and its timeline when
 * the form opens, never copied onto the task, so it holds no personal data and is never out of date.
 */
@Component
class ComplaintOnTaskForms implements TaskFormValues {
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final StaffTerms terms;

    ComplaintOnTaskForms(ComplaintRepository complaints, Timeline timeline, StaffTerms terms) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.terms = terms;
    }

    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of(Vars.COMPLAINT_ID);
    }

    @Override
    public Map<String, String> of(VariableMap variables) {
        if (!(variables.get(Vars.COMPLAINT_ID) instanceof Number id)) {
            return Map.of();
        }
        Complaint c = complaints.get(id.longValue());
        Map<String, String> shown = new HashMap<>();
        shown.put(Vars.TICKET_NUMBER, c.ticketNumber());
        shown.put(Vars.TYPE, terms.shown(Vars.TYPE, c.type()));
        shown.put(Vars.CATEGORY, terms.shown(Vars.CATEGORY, c.category()));
        shown.put(Vars.PRIORITY, terms.shown(Vars.PRIORITY, c.priority()));
        shown.put(Vars.TIER, terms.shown(Vars.TIER, c.tier()));
        shown.put(Vars.CHANNEL, terms.shown(Vars.CHANNEL, c.channel()));
        shown.put("customerName", c.customer().name());
        shown.put("subject", c.subject());
        shown.put("description", c.description());
        shown.put("history", history(c.id()));
        shown.put("proposedSolution", c.solution());
        shown.put("proposedRootCause", c.rootCause());
        timeline.latest(c.id(), EventKind.SURVEY_ANSWERED).ifPresent(e -> shown.put("surveyComment", e.detail()));
        shown.values().removeIf(java.util.Objects::isNull);
        return shown;
    }

    /** Mails that have not reached the customer come first: the agent must not assume the customer knows. */
    private String history(long complaintId) {
        List<Timeline.Event> events = timeline.of(complaintId);
        List<String> waiting = Timeline.mailsWaiting(events);
        String notSent = waiting.isEmpty() ? "" : "NOT YET SENT to the customer: " + String.join(", ", waiting) + "\n";
        return notSent + Timeline.asText(events);
    }
}
