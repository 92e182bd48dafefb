package io.complaintflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the three values Tasklist's queues show on each task's card (the filters' variables: security/IdentitySetup)
 * onto the task: an agent may read a task's own variables, not the process instance's, and the list reads no form.
 */
@Component("showInTaskList")
class ShowInTaskListListener implements TaskListener {
    static final List<String> NAMES = List.of(Vars.TICKET_NUMBER, Vars.PRIORITY, Vars.TIER);

    @Override
    public void notify(DelegateTask task) {
        for (String name : NAMES) {
            // the ticket number is the complaint's business key
            Object value = name.equals(Vars.TICKET_NUMBER) ? task.getExecution().getProcessBusinessKey() : task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
