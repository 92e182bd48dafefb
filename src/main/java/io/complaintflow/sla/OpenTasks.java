package io.complaintflow.sla;

import io.complaintflow.engine.SystemAccess;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What the SLA clocks change on a complaint's open Tasklist tasks: priority and queue (the forms read the SLA lines when opened). */
@Component
public class OpenTasks {
    private final TaskService taskService;

    public OpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    public List<Task> of(String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            // a step of the lifecycle: the engine's own lookup by process instance, cached for the rest of the step;
            // a task query (dynamic SQL built per call, permission checks) cost a third of an SLA breach's job
            return command.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                    .sorted(Comparator.comparing(Task::getId)).map(Task.class::cast).toList();
        }
        return SystemAccess.call(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).list());
    }

    public void raisePriority(List<Task> open, int priority) {
        for (Task task : open) {
            if (task.getPriority() < priority) {
                SystemAccess.call(() -> {
                    taskService.setPriority(task.getId(), priority);
                    return null;
                });
            }
        }
    }

    /** Takes the task away from whoever holds it and puts it in another group's queue. */
    public void handTo(String processInstanceId, String taskKey, String group) {
        for (Task task : of(processInstanceId)) {
            if (!task.getTaskDefinitionKey().equals(taskKey)) {
                continue;
            }
            SystemAccess.call(() -> {
                taskService.setAssignee(task.getId(), null);
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                    }
                }
                taskService.addCandidateGroup(task.getId(), group);
                return null;
            });
        }
    }
}
