package io.complaintflow.intake;

import io.complaintflow.complaint.Actors;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.DecisionVersions;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * First step of every complaint. Complaints from the API are registered already; one typed into
 * Tasklist's start form is registered here from the form's fields, which are then removed from the
 * process so that personal data stays in our tables only.
 */
@Component("registerComplaint")
public class RegisterComplaintDelegate implements JavaDelegate {
    private final ComplaintStartForm startForm;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final Actors actors;
    private final DecisionVersions decisionVersions;

    public RegisterComplaintDelegate(ComplaintStartForm startForm, ComplaintRepository complaints, Timeline timeline,
                                     Actors actors, DecisionVersions decisionVersions) {
        this.startForm = startForm;
        this.complaints = complaints;
        this.timeline = timeline;
        this.actors = actors;
        this.decisionVersions = decisionVersions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean typedIn = !execution.hasVariable(Vars.COMPLAINT_ID);
        Complaint complaint = typedIn ? registerFromStartForm(execution) : complaints.get(Vars.complaintId(execution));
        complaints.attachProcess(complaint.id(), execution.getProcessInstanceId());
        execution.setVariable(Vars.COMPLAINT_ID, complaint.id());
        // the triage table's inputs, read in this transaction only: kept on the complaint's row, not on the process
        // (Camunda refuses a transient value where the start form's field was just removed: those few keep theirs)
        execution.setVariable(Vars.DECLARED_TYPE, Variables.stringValue(complaint.declaredType(), !typedIn));
        execution.setVariable(Vars.CATEGORY, Variables.stringValue(complaint.category(), !typedIn));
        execution.setVariable(Vars.CHANNEL, Variables.stringValue(complaint.channel(), !typedIn));
        execution.setVariable(Vars.SEGMENT, complaint.customer().segment());
        execution.setVariable(Vars.SLA_BREACHED, complaint.slaBreached());
        execution.setVariable(Vars.REOPENED, false);
        decisionVersions.pinAll(execution);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(complaint.ticketNumber());
        }
    }

    private Complaint registerFromStartForm(DelegateExecution execution) {
        SubmissionValidator.Valid valid = startForm.validate(name -> Vars.text(execution, name));
        execution.removeVariables(ComplaintStartForm.FIELDS);
        Complaint complaint = complaints.create(valid.complaint(), valid.segment(), EngineClock.now());
        timeline.record(complaint.id(), actors.current(), EventKind.RECEIVED, "typed in via " + complaint.channel());
        return complaint;
    }
}
