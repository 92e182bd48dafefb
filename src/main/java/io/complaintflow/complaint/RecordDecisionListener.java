package io.complaintflow.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing any user task: hands the decision to the capability that owns that step. */
@Component("recordDecision")
public class RecordDecisionListener implements TaskListener {
    private final Map<String, TaskOutcome> outcomes;
    private final Actors actors;

    public RecordDecisionListener(List<TaskOutcome> outcomes, Actors actors) {
        this.outcomes = outcomes.stream().collect(Collectors.toMap(TaskOutcome::taskKey, Function.identity()));
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskOutcome outcome = outcomes.get(task.getTaskDefinitionKey());
        if (outcome == null) {
            throw new IllegalStateException("No recorder for task " + task.getTaskDefinitionKey());
        }
        outcome.record(task, Vars.complaintId(task), actors.completing(task));
    }
}
