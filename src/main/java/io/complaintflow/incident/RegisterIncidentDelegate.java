package io.complaintflow.incident;

import io.complaintflow.complaint.Actors;
import io.complaintflow.incident.MassIncidents.Incident;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the incident and link its complaints": runs in the declaring supervisor's own transaction, so a refusal
 * (an unknown ticket, a category with an open incident) leaves nothing behind. The named tickets are linked here; the
 * category's window, which may hold thousands, is linked after it, one job per complaint ("LinkWindowComplaints").
 * The form's values move to our table.
 */
@Component("registerIncident")
public class RegisterIncidentDelegate implements JavaDelegate {
    static final String INCIDENT_ID = "incidentId";

    private final IncidentDeclarations declarations;
    private final MassIncidents incidents;
    private final IncidentLinking linking;
    private final Actors actors;

    public RegisterIncidentDelegate(IncidentDeclarations declarations, MassIncidents incidents, IncidentLinking linking,
                                    Actors actors) {
        this.declarations = declarations;
        this.incidents = incidents;
        this.linking = linking;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IncidentDeclaration declaration = declarations.read(execution.getVariables());
        String actor = actors.current();
        Incident incident = declarations.declare(declaration, actor);
        execution.setProcessBusinessKey(incident.number());
        execution.removeVariables(IncidentDeclaration.VARIABLES);
        execution.setVariable(INCIDENT_ID, incident.id());
        linking.linkTickets(incident, declaration.tickets(), IncidentDeclaration.TICKETS, actor);
    }

    static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(INCIDENT_ID)).longValue();
    }
}
