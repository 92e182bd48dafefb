package io.complaintflow.incident;

import io.complaintflow.complaint.Actors;
import io.complaintflow.engine.EngineClock;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps after the supervisors' "Work the incident" and "Review the incident" tasks. Each runs in the supervisor's
 * own transaction: a refusal names the form field and the task stays open. The form's texts move to our table.
 */
@Configuration
public class IncidentWorkDelegates {
    static final String ACTION = "incidentAction";
    static final String MORE_TICKETS = "moreTickets";
    static final String LESS_TICKETS = "unlinkTickets";
    static final int MAX_TEXT = 4000;

    @Bean("linkMoreComplaints")
    JavaDelegate linkMoreComplaints(MassIncidents incidents, IncidentLinking linking, Actors actors) {
        return execution -> onTickets(execution, MORE_TICKETS, "name the tickets to link", incidents,
                (incident, tickets) -> linking.linkTickets(incident, tickets, MORE_TICKETS, actors.current()));
    }

    @Bean("unlinkComplaints")
    JavaDelegate unlinkComplaints(MassIncidents incidents, IncidentLinking linking, Actors actors) {
        return execution -> onTickets(execution, LESS_TICKETS, "name the tickets to take out", incidents,
                (incident, tickets) -> linking.unlinkTickets(incident, tickets, LESS_TICKETS, actors.current()));
    }

    /** The tickets typed into the field go to the action; the form's choice and tickets are not kept. */
    private static void onTickets(DelegateExecution execution, String field, String missing, MassIncidents incidents,
                                  BiConsumer<MassIncidents.Incident, List<String>> action) {
        List<String> tickets = IncidentDeclaration.tickets(IncidentDeclaration.text(execution.getVariable(field)));
        if (tickets.isEmpty()) {
            throw IncidentDeclaration.refused(field, missing);
        }
        action.accept(incidents.get(RegisterIncidentDelegate.incidentId(execution)), tickets);
        execution.removeVariables(List.of(ACTION, MORE_TICKETS, LESS_TICKETS));
    }

    @Bean("recordIncidentFix")
    JavaDelegate recordIncidentFix(MassIncidents incidents, Actors actors) {
        return execution -> {
            if (!"resolve".equals(execution.getVariable(ACTION))) {
                throw IncidentDeclaration.refused(ACTION, "choose link (more complaints), unlink (take some out) or resolve");
            }
            MassIncidents.Fix fix = new MassIncidents.Fix(required(execution, "cause"), required(execution, "solution"),
                    required(execution, "causeZh"), required(execution, "solutionZh"));
            incidents.resolve(RegisterIncidentDelegate.incidentId(execution), fix, actors.current(), EngineClock.now());
            execution.removeVariables(List.of(ACTION, MORE_TICKETS, LESS_TICKETS, "cause", "solution", "causeZh", "solutionZh"));
        };
    }

    @Bean("linkWindowComplaint")
    JavaDelegate linkWindowComplaint(MassIncidents incidents, IncidentLinking linking) {
        return execution -> linking.linkFromWindow(incidents.get(RegisterIncidentDelegate.incidentId(execution)),
                ((Number) execution.getVariable("windowComplaintId")).longValue());
    }

    @Bean("tellComplaintIncidentFixed")
    JavaDelegate tellComplaintIncidentFixed(IncidentFixes fixes) {
        return execution -> fixes.announce(RegisterIncidentDelegate.incidentId(execution),
                ((Number) execution.getVariable("linkedComplaintId")).longValue());
    }

    @Bean("closeIncident")
    JavaDelegate closeIncident(MassIncidents incidents, Actors actors) {
        return execution -> {
            MassIncidents.Review review = new MassIncidents.Review(required(execution, "rootCauseCategory"),
                    required(execution, "severity"), required(execution, "impactScope"), required(execution, "preventiveActions"));
            incidents.close(RegisterIncidentDelegate.incidentId(execution), review, actors.current(), EngineClock.now());
            execution.removeVariables(List.of("rootCauseCategory", "severity", "impactScope", "preventiveActions"));
        };
    }

    private static String required(DelegateExecution execution, String field) {
        String value = IncidentDeclaration.text(execution.getVariable(field));
        if (value == null) {
            throw IncidentDeclaration.refused(field, "is required");
        }
        if (value.length() > MAX_TEXT) {
            throw IncidentDeclaration.refused(field, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
