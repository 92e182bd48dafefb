package io.complaintflow.resolution;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One escalation path for a missed resolution deadline and for "cannot resolve at this tier". */
@Component("escalateToNextTier")
public class EscalateToNextTierDelegate implements JavaDelegate {
    private final Escalations escalations;

    public EscalateToNextTierDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean deadlineMissed = !"cannotResolveAtThisTier".equals(Vars.text(execution, "implementation"));
        escalations.escalate(execution, deadlineMissed
                ? Escalations.Reason.RESOLUTION_DEADLINE_MISSED : Escalations.Reason.CANNOT_RESOLVE_AT_TIER);
    }
}
