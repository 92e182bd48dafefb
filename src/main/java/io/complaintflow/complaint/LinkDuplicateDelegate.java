package io.complaintflow.complaint;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Links a duplicate to its original. Runs in the agent's own transaction, so a wrong ticket number is
 * refused in Tasklist and the confirm task stays open.
 */
@Component("linkDuplicate")
public class LinkDuplicateDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final Timeline timeline;

    public LinkDuplicateDelegate(ComplaintRepository complaints, Timeline timeline) {
        this.complaints = complaints;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        String original = Vars.text(execution, "duplicateOf");
        Complaint self = complaints.get(id);
        if (original == null || original.isEmpty()) {
            throw new BadUserRequestException("Name the original ticket this complaint duplicates");
        }
        if (original.equals(self.ticketNumber())) {
            throw new BadUserRequestException("A complaint cannot duplicate itself");
        }
        Complaint originalComplaint = complaints.findByTicketNumber(original)
                .orElseThrow(() -> new BadUserRequestException("There is no ticket " + original));
        complaints.markDuplicate(id, originalComplaint.ticketNumber());
        timeline.record(id, Timeline.SYSTEM, EventKind.DUPLICATE, "duplicate of " + originalComplaint.ticketNumber());
        timeline.record(originalComplaint.id(), Timeline.SYSTEM, EventKind.DUPLICATE,
                self.ticketNumber() + " reported the same");
    }
}
