package io.complaintflow.intake;

import io.complaintflow.complaint.Actors;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EngineClock;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.complaint.ApiErrors;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every complaint. Complaints from the API are registered already; one typed into
 * Tasklist's start form is registered here from the form's fields, which are then removed from the
 * process so that personal data stays in our tables only.
 */
@Component("registerComplaint")
public class RegisterComplaintDelegate implements JavaDelegate {
    static final List<String> START_FORM_FIELDS = List.of("channel", "declaredType", "category", "subject",
            "description", "locale", "customerName", "customerEmail", "customerPhone", "segment");
    /** The start form's key for each field the validator names. */
    private static final Map<String, String> FORM_FIELD_OF = Map.of("type", "declaredType", "customer",
            "customerName", "customer.name", "customerName", "customer.email", "customerEmail", "customer.phone",
            "customerPhone", "customer.segment", "segment");

    private final SubmissionValidator validator;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final Actors actors;

    public RegisterComplaintDelegate(SubmissionValidator validator, ComplaintRepository complaints, Timeline timeline,
                                     Actors actors) {
        this.validator = validator;
        this.complaints = complaints;
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = execution.hasVariable(Vars.COMPLAINT_ID)
                ? complaints.get(Vars.complaintId(execution))
                : registerFromStartForm(execution);
        complaints.attachProcess(complaint.id(), execution.getProcessInstanceId());
        execution.setVariable(Vars.COMPLAINT_ID, complaint.id());
        execution.setVariable(Vars.TICKET_NUMBER, complaint.ticketNumber());
        execution.setVariable(Vars.DECLARED_TYPE, complaint.declaredType());
        execution.setVariable(Vars.CATEGORY, complaint.category());
        execution.setVariable(Vars.CHANNEL, complaint.channel());
        execution.setVariable(Vars.SEGMENT, complaint.customer().segment());
        execution.setVariable(Vars.SLA_BREACHED, complaint.slaBreached());
        execution.setVariable(Vars.REOPENED, false);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(complaint.ticketNumber());
        }
    }

    private Complaint registerFromStartForm(DelegateExecution execution) {
        ComplaintSubmission submission = new ComplaintSubmission(
                Vars.text(execution, "channel"), Vars.text(execution, "declaredType"), Vars.text(execution, "category"),
                Vars.text(execution, "subject"), Vars.text(execution, "description"), Vars.text(execution, "locale"),
                new ComplaintSubmission.Customer(Vars.text(execution, "customerName"), Vars.text(execution, "customerEmail"),
                        Vars.text(execution, "customerPhone"), Vars.text(execution, "segment")));
        SubmissionValidator.Valid valid;
        try {
            valid = validator.validate(submission);
        } catch (ApiErrors.BadRequest refused) {
            throw new ApiErrors.BadRequest(refused.fields().stream()
                    .map(p -> new ApiErrors.FieldProblem(FORM_FIELD_OF.getOrDefault(p.field(), p.field()), p.reason()))
                    .toList());
        }
        execution.removeVariables(START_FORM_FIELDS);
        Complaint complaint = complaints.create(valid.complaint(), valid.segment(), EngineClock.now());
        timeline.record(complaint.id(), actors.current(), EventKind.RECEIVED, "typed in via " + complaint.channel());
        return complaint;
    }
}
