package io.complaintflow.incident;

import io.complaintflow.incident.MassIncidents.Incident;
import io.complaintflow.incident.MassIncidents.Linked;
import io.complaintflow.sla.SlaText;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** What the incident's tasks show (task-local copies): the incident, its window, its complaints and its fix. */
@Component("showIncident")
public class ShowIncidentListener implements TaskListener {
    static final int LISTED = 200;

    private final MassIncidents incidents;
    private final SlaText text;

    public ShowIncidentListener(MassIncidents incidents, SlaText text) {
        this.incidents = incidents;
        this.text = text;
    }

    @Override
    public void notify(DelegateTask task) {
        Incident incident = incidents.get(RegisterIncidentDelegate.incidentId(task.getExecution()));
        List<Linked> linked = incidents.complaints(incident.id());
        task.setVariableLocal("incidentNumber", incident.number());
        task.setVariableLocal("incidentTitle", incident.title());
        task.setVariableLocal("incidentCategory", incident.category() == null ? "-" : incident.category());
        task.setVariableLocal("incidentDeclared", text.moment(incident.declaredAt()) + " · " + incident.declaredBy()
                + (incident.affectedSince() == null ? "" : " · since " + text.moment(incident.affectedSince())));
        task.setVariableLocal("incidentLinked", String.valueOf(linked.size()));
        String listed = linked.stream().limit(LISTED)
                .map(c -> c.ticketNumber() + "  " + text.moment(c.receivedAt()) + "  " + c.subject())
                .collect(Collectors.joining("\n"));
        task.setVariableLocal("incidentTickets", linked.size() > LISTED ? listed + "\n… " + (linked.size() - LISTED) + " more" : listed);
        if (incident.fix() != null) {
            task.setVariableLocal("incidentFix", "Cause: " + incident.fix().cause() + "\nSolution: " + incident.fix().solution()
                    + "\n原因：" + incident.fix().causeZh() + "\n解决方案：" + incident.fix().solutionZh()
                    + "\n" + text.moment(incident.resolvedAt()) + " · " + incident.resolvedBy());
        }
    }
}
