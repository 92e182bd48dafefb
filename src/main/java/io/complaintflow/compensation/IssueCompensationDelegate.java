package io.complaintflow.compensation;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("issueCompensation")
public class IssueCompensationDelegate implements JavaDelegate {
    private final CompensationGateway gateway;
    private final ComplaintRepository complaints;
    private final Timeline timeline;

    public IssueCompensationDelegate(CompensationGateway gateway, ComplaintRepository complaints, Timeline timeline) {
        this.gateway = gateway;
        this.complaints = complaints;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        Complaint complaint = complaints.get(id);
        String kind = Vars.text(execution, "compensationKind");
        BigDecimal amount = CompensationAmounts.of(execution.getVariable("compensationAmount"));
        CompensationGateway.Issued issued = gateway.issue(id, complaint.reopenCount(), kind, amount);
        complaints.recordCompensation(id, kind, amount, "ISSUED");
        timeline.record(id, Timeline.SYSTEM, EventKind.COMPENSATION_ISSUED,
                kind + " " + amount.toPlainString() + " (" + issued.code() + ")");
    }
}
