package io.complaintflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What Camunda's history keeps of process variables. Each variable's last value (ACT_HI_VARINST) stays, so
 * Cockpit and the history API still show it; two things are left out:
 * <ul>
 * <li>the task forms' display variables ({@link TaskDisplay}) and, in any scope, the variables with personal data
 * ({@link PersonalData}: a complaint typed into Tasklist's start form): customer names and texts live in our tables
 * only;
 * <li>the row per change of a variable (ACT_HI_DETAIL): process variables are keys, routing values and timer
 * moments; what happened to a complaint, and who did it, is its timeline (complaint_event). That was a fifth
 * of the rows an intake wrote.
 * </ul>
 * Everything else (activities, tasks, decisions with their inputs and outputs, the operation log, jobs) is
 * written as history level "full" writes it.
 */
@Component
public class LeanVariableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>(List.of(new Writer())));
    }

    /** Camunda's own database writer, without the display variables and the ACT_HI_DETAIL row per change. */
    static final class Writer extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isDisplayVariable(event) && !isPersonalData(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }

        private static boolean isPersonalData(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable
                    && PersonalData.VARIABLES.contains(variable.getVariableName());
        }

        private static boolean isDisplayVariable(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && TaskDisplay.NAMES.contains(variable.getVariableName());
        }
    }
}
