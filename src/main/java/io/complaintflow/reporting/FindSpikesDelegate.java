package io.complaintflow.reporting;

import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The spike watch's look: the new spikes' ids, for the investigations started next in the same transaction. */
@Component("findSpikes")
public class FindSpikesDelegate implements JavaDelegate {
    private final CategorySpikes spikes;

    public FindSpikesDelegate(CategorySpikes spikes) {
        this.spikes = spikes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // transient: only the multi-instance call activity reads it, right away; nothing to keep in history
        execution.setVariable("newSpikes", Variables.objectValue(spikes.look(EngineClock.now()), true).create());
    }
}
