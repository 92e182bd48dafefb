package io.complaintflow.feedback;

import io.complaintflow.complaint.Vars;
import io.complaintflow.resolution.EscalateToNextTierDelegate;
import io.complaintflow.resolution.Escalations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reopens a complaint whose customer is unhappy, one tier higher and with a fresh resolution deadline. */
@Component("reopenComplaint")
public class ReopenComplaintDelegate implements JavaDelegate {
    private final Escalations escalations;

    public ReopenComplaintDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalateToNextTierDelegate.continueAt(execution,
                escalations.escalate(Vars.complaintId(execution), Escalations.Reason.REOPENED));
        execution.setVariable(Vars.REOPENED, true);
        execution.removeVariables(java.util.List.of("satisfaction", "nps", "reopenRequested", "reopen"));
    }
}
