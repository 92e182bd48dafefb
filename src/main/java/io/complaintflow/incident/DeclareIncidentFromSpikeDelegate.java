package io.complaintflow.incident;

import io.complaintflow.engine.SystemAccess;
import io.complaintflow.reporting.CategorySpikes;
import io.complaintflow.reporting.SpikeIds;
import io.complaintflow.sla.SlaCalendars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** From an investigated spike: declares an incident holding the spike's category since the spike's hour began. */
@Component("declareIncidentFromSpike")
public class DeclareIncidentFromSpikeDelegate implements JavaDelegate {
    private final CategorySpikes spikes;
    private final SlaCalendars calendars;
    private final RuntimeService runtimeService;

    public DeclareIncidentFromSpikeDelegate(CategorySpikes spikes, SlaCalendars calendars, RuntimeService runtimeService) {
        this.spikes = spikes;
        this.calendars = calendars;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CategorySpikes.Spike spike = spikes.get(SpikeIds.of(execution));
        var declaration = Variables.createVariables()
                .putValue(IncidentDeclaration.TITLE, execution.getVariable(IncidentDeclaration.TITLE))
                .putValue(IncidentDeclaration.CATEGORY, spike.category())
                .putValue(IncidentDeclaration.AFFECTED_SINCE,
                        IncidentDeclaration.MINUTE.format(spike.windowStart().atZoneSameInstant(calendars.zone())))
                .putValue(IncidentDeclaration.SPIKE_ID, spike.id());
        SystemAccess.call(() -> runtimeService.startProcessInstanceByKey(IncidentDeclarations.PROCESS, declaration));
    }
}
