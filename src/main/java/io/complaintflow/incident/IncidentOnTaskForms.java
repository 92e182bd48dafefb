package io.complaintflow.incident;

import io.complaintflow.engine.TaskFormValues;
import io.complaintflow.incident.MassIncidents.Incident;
import io.complaintflow.incident.MassIncidents.Linked;
import io.complaintflow.sla.SlaText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What the incident's forms show: the incident, its window, its complaints and its fix, read when the form opens. A
 * mass outage links thousands of complaints; the first {@value #LISTED} are listed whole, more text than a process
 * variable holds (4,000 characters), so nothing is copied onto the task.
 */
@Component
class IncidentOnTaskForms implements TaskFormValues {
    static final int LISTED = 200;

    private final MassIncidents incidents;
    private final SlaText text;

    IncidentOnTaskForms(MassIncidents incidents, SlaText text) {
        this.incidents = incidents;
        this.text = text;
    }

    @Override
    public Set<String> reads() {
        return Set.of(RegisterIncidentDelegate.INCIDENT_ID);
    }

    @Override
    public Map<String, String> of(VariableMap variables) {
        if (!(variables.get(RegisterIncidentDelegate.INCIDENT_ID) instanceof Number id)) {
            return Map.of();
        }
        Incident incident = incidents.get(id.longValue());
        List<Linked> listed = incidents.complaints(incident.id(), LISTED);
        int linked = listed.size() < LISTED ? listed.size() : incidents.linkedCount(incident.id());
        Map<String, String> shown = new HashMap<>();
        shown.put("incidentNumber", incident.number());
        shown.put("incidentTitle", incident.title());
        shown.put("incidentCategory", incident.category() == null ? "-" : incident.category());
        shown.put("incidentDeclared", text.moment(incident.declaredAt()) + " · " + incident.declaredBy()
                + (incident.affectedSince() == null ? "" : " · since " + text.moment(incident.affectedSince())));
        shown.put("incidentLinked", String.valueOf(linked));
        shown.put("incidentTickets", listed.stream().map(c -> text.complaintLine(c.ticketNumber(), c.receivedAt(), c.subject()))
                .collect(Collectors.joining("\n")) + SlaText.notListed(linked - listed.size()));
        if (incident.fix() != null) {
            shown.put("incidentFix", "Cause: " + incident.fix().cause() + "\nSolution: " + incident.fix().solution()
                    + "\n原因：" + incident.fix().causeZh() + "\n解决方案：" + incident.fix().solutionZh()
                    + "\n" + text.moment(incident.resolvedAt()) + " · " + incident.resolvedBy());
        }
        return shown;
    }

    /** Named by mass-incident versions deployed before December 2026, which copied these onto the task. */
    @Bean
    static TaskListener showIncident() {
        return task -> { };
    }
}
