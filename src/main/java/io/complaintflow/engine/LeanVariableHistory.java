package io.complaintflow.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What Camunda's history keeps. Three things are left out:
 * <ul>
 * <li>process variables and submitted form fields (ACT_HI_VARINST, ACT_HI_DETAIL): no community webapp shows them (Cockpit
 * shows a running instance's variables from the runtime tables), and process variables are only keys, routing
 * values and timer moments; what happened to a complaint, and who did it, is its timeline (complaint_event) and
 * our own tables. That was 27 of the 126 rows an intake wrote (bench/README.md), and no personal data can reach
 * Camunda's history this way;
 * <li>everything but incidents of the helper processes named in {@link HistoryExclusions} (a mail's own instance);
 * <li>the job log's routine entries (a job created, executed, deleted: seven rows per complaint at intake, shown by
 * no community webapp); its failures, with their stack traces, stay.
 * </ul>
 * Everything else (activities, tasks, decisions with their inputs and outputs as Cockpit shows them, the operation
 * log, incidents) is written as history level "full" writes it.
 */
@Component
public class LeanVariableHistory extends AbstractProcessEnginePlugin {
    private final Set<String> helperProcesses = new HashSet<>();

    public LeanVariableHistory(List<HistoryExclusions> exclusions) {
        exclusions.forEach(e -> helperProcesses.addAll(e.processesWithoutHistory()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>(List.of(new Writer())));
    }

    /** Camunda's own database writer, without variables and form fields, helper processes and the job log's routine entries. */
    final class Writer extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricDetailEventEntity) && !isHelperProcessHistory(event) && !isRoutineJobLog(event)) {
                super.handleEvent(event);
            }
        }

        /** A job created, done or deleted as planned: no webapp of the community edition shows it; failures stay. */
        private boolean isRoutineJobLog(HistoryEvent event) {
            return event instanceof HistoricJobLogEvent log && log.getState() != JobState.FAILED.getStateCode();
        }

        private boolean isHelperProcessHistory(HistoryEvent event) {
            return helperProcesses.contains(event.getProcessDefinitionKey()) && !(event instanceof HistoricIncidentEventEntity);
        }
    }
}
