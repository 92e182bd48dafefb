package io.complaintflow.resolution;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("escalateToNextTier")
public class EscalateToNextTierDelegate implements JavaDelegate {
    private final TierRouting routing;

    public EscalateToNextTierDelegate(TierRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        routing.escalate(execution, Vars.complaintId(execution), "the tier could not resolve it");
    }
}
