package io.complaintflow.resolution;

import io.complaintflow.complaint.TierRouting;
import io.complaintflow.complaint.Vars;
import io.complaintflow.sla.SlaVariables;
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
        continueAt(execution, escalations.escalate(Vars.complaintId(execution), deadlineMissed
                ? Escalations.Reason.RESOLUTION_DEADLINE_MISSED : Escalations.Reason.CANNOT_RESOLVE_AT_TIER));
    }

    /** The process goes on at the next tier, with its new deadline (also after a reopening). */
    public static void continueAt(DelegateExecution process, Escalations.Escalation escalation) {
        if (escalation.deadlineMissed()) {
            process.setVariable(Vars.SLA_BREACHED, true);
        }
        TierRouting.route(process, escalation.next());
        SlaVariables.setResolution(process, escalation.renewed());
        process.removeVariable("implementation");
    }
}
