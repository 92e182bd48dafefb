package io.complaintflow.complaint;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of the lifecycle carries what Tasklist's queues show on its card ({@link ShowInTaskListListener})
 * and records its outcome on the timeline when completed, whether or not its BPMN names these listeners: a task a process owner adds in Modeler (a form and a candidate group, no Java) works like the
 * others, and its form shows the complaint like every other ({@link ComplaintOnTaskForms}). A listener the BPMN
 * names already is not added twice.
 */
@Component
public class ComplaintTaskListeners extends AbstractProcessEnginePlugin {
    static final String PROCESS = "complaint-handling";
    static final String RECORD_DECISION = "${recordDecision}";
    static final String SHOW_IN_TASK_LIST = "${showInTaskList}";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition && PROCESS.equals(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    addMissing(userTask.getTaskDefinition(), configuration.getExpressionManager());
                }
            }
        });
    }

    private static void addMissing(TaskDefinition task, ExpressionManager expressions) {
        addMissing(task, expressions, TaskListener.EVENTNAME_CREATE, SHOW_IN_TASK_LIST);
        addMissing(task, expressions, TaskListener.EVENTNAME_COMPLETE, RECORD_DECISION);
    }

    private static void addMissing(TaskDefinition task, ExpressionManager expressions, String event, String listener) {
        List<TaskListener> existing = task.getTaskListenersForEvent(event);
        boolean declared = existing != null && existing.stream().anyMatch(named ->
                named instanceof DelegateExpressionTaskListener expression && listener.equals(expression.getExpressionText()));
        if (!declared) {
            task.addTaskListener(event, new DelegateExpressionTaskListener(expressions.createExpression(listener), List.of()));
        }
    }
}
