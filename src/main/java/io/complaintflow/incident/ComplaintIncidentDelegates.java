package io.complaintflow.incident;

import io.complaintflow.complaint.Vars;
import io.complaintflow.sla.SlaClocks;
import io.complaintflow.sla.SlaVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The complaint's own steps around an incident: joining an open one at intake, and taking its fix. */
@Configuration
public class ComplaintIncidentDelegates {

    @Bean("linkToOpenIncident")
    JavaDelegate linkToOpenIncident(IncidentLinking linking) {
        return execution -> linking.joinAtIntake(Vars.complaintId(execution))
                .ifPresent(incident -> execution.setVariable(IncidentLinking.INCIDENT_NUMBER, incident.number()));
    }

    /** Taken out of the incident: the clock runs on with the time left, and nothing of the incident stays. */
    @Bean("leaveIncident")
    JavaDelegate leaveIncident(SlaClocks clocks) {
        return execution -> {
            SlaVariables.setResolution(execution, clocks.resumeResolution(Vars.complaintId(execution)));
            execution.removeVariables(java.util.List.of(IncidentLinking.INCIDENT_NUMBER, "confirmation"));
        };
    }

    @Bean("takeIncidentSolution")
    JavaDelegate takeIncidentSolution(IncidentFixes fixes) {
        return execution -> {
            SlaVariables.setResolution(execution, fixes.apply(Vars.complaintId(execution),
                    Vars.text(execution, IncidentLinking.INCIDENT_NUMBER)));
            // a later reopening starts at the solution like any resolved complaint, not at the incident again
            execution.setVariable("confirmation", "confirmed");
            execution.setVariable("implementation", "resolved");
        };
    }
}
