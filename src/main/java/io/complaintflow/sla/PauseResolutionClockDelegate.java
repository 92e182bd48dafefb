package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("pauseResolutionClock")
public class PauseResolutionClockDelegate implements JavaDelegate {
    private final SlaClocks clocks;

    public PauseResolutionClockDelegate(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.pauseResolution(Vars.complaintId(execution));
    }
}
