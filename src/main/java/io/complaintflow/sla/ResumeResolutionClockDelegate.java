package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Re-arms the resolution timers with the time that was left when the clock paused. */
@Component("resumeResolutionClock")
public class ResumeResolutionClockDelegate implements JavaDelegate {
    private final SlaClocks clocks;

    public ResumeResolutionClockDelegate(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaVariables.setResolution(execution, clocks.resumeResolution(Vars.complaintId(execution)));
    }
}
