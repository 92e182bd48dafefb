package io.complaintflow.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing any user task: hands the decision to the capability that owns that step. A step with no recorder
 * of its own (one a process owner added in Modeler) is recorded on the timeline as done, by whom.
 */
@Component("recordDecision")
public class RecordDecisionListener implements TaskListener {
    private final Map<String, TaskOutcome> outcomes;
    private final Actors actors;
    private final Timeline timeline;

    public RecordDecisionListener(List<TaskOutcome> outcomes, Actors actors, Timeline timeline) {
        this.outcomes = outcomes.stream().collect(Collectors.toMap(TaskOutcome::taskKey, Function.identity()));
        this.actors = actors;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskOutcome outcome = outcomes.get(task.getTaskDefinitionKey());
        if (outcome == null) {
            timeline.record(Vars.complaintId(task), actors.completing(task), EventKind.STEP_DONE,
                    task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
            return;
        }
        outcome.record(task, Vars.complaintId(task), actors.completing(task));
    }
}
