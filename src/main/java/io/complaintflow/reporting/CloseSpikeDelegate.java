package io.complaintflow.reporting;

import io.complaintflow.complaint.Actors;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps the supervisor's finding and ends the spike: its category may be raised again. */
@Component("closeSpike")
public class CloseSpikeDelegate implements JavaDelegate {
    private final CategorySpikes spikes;
    private final Actors actors;

    public CloseSpikeDelegate(CategorySpikes spikes, Actors actors) {
        this.spikes = spikes;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        spikes.close(SpikeIds.of(execution), Vars.text(execution, "finding"), actors.current(), EngineClock.now());
    }
}
