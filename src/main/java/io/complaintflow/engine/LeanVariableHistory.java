package io.complaintflow.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What Camunda's history keeps of process variables. Each variable's last value (ACT_HI_VARINST) stays, so
 * Cockpit and the history API still show it; four things are left out:
 * <ul>
 * <li>the variables the application names in {@link HistoryExclusions}: task-local display copies and, in any
 * scope, personal data (customer names and texts live in the application's tables only);
 * <li>the row per change of a variable (ACT_HI_DETAIL): process variables are keys, routing values and timer
 * moments; what happened to a complaint, and who did it, is its timeline (complaint_event). That was a fifth
 * of the rows an intake wrote;
 * <li>everything but incidents of the helper processes named in {@link HistoryExclusions} (a mail's own instance);
 * <li>the job log's routine entries (a job created, executed, deleted: seven rows per complaint at intake, shown by
 * no community webapp); its failures, with their stack traces, stay.
 * </ul>
 * Everything else (activities, tasks, decisions with their inputs and outputs, the operation log, incidents) is
 * written as history level "full" writes it.
 */
@Component
public class LeanVariableHistory extends AbstractProcessEnginePlugin {
    private final Set<String> anyScope = new HashSet<>();
    private final Set<String> taskLocal = new HashSet<>();
    private final Set<String> helperProcesses = new HashSet<>();

    public LeanVariableHistory(List<HistoryExclusions> exclusions) {
        exclusions.forEach(e -> {
            anyScope.addAll(e.anyScope());
            taskLocal.addAll(e.taskLocal());
            helperProcesses.addAll(e.processesWithoutHistory());
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>(List.of(new Writer())));
    }

    /** Camunda's own database writer, without the excluded variables and the ACT_HI_DETAIL row per change. */
    final class Writer extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isDisplayVariable(event) && !isPersonalData(event) && !isHelperProcessHistory(event) && !isRoutineJobLog(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }

        /** A job created, done or deleted as planned: no webapp of the community edition shows it; failures stay. */
        private boolean isRoutineJobLog(HistoryEvent event) {
            return event instanceof HistoricJobLogEvent log && log.getState() != JobState.FAILED.getStateCode();
        }

        private boolean isHelperProcessHistory(HistoryEvent event) {
            return helperProcesses.contains(event.getProcessDefinitionKey()) && !(event instanceof HistoricIncidentEventEntity);
        }

        private boolean isPersonalData(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && anyScope.contains(variable.getVariableName());
        }

        private boolean isDisplayVariable(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && taskLocal.contains(variable.getVariableName());
        }
    }
}
