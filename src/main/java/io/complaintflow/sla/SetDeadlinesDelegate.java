package io.complaintflow.sla;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.DecisionVersions;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Priority;
import io.complaintflow.complaint.Tier;
import io.complaintflow.complaint.TierRouting;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.operations.OperationsMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns the triage and SLA tables' answers into the complaint's deadlines, counted on the row's calendar from
 * the moment it was received, and routes it to the tier triage chose.
 */
@Component("setDeadlines")
public class SetDeadlinesDelegate implements JavaDelegate {
    private static final List<String> SLA_OUTPUTS = List.of("firstResponseWithin", "resolutionWithin", "warnAtPercent",
            "calendar", "responseGrace", "escalationChain");

    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final SlaClocks clocks;
    private final SlaTable table;
    private final SlaText text;
    private final OperationsMetrics metrics;
    private final DecisionVersions decisionVersions;

    public SetDeadlinesDelegate(ComplaintRepository complaints, Timeline timeline, SlaClocks clocks,
                                SlaTable table, SlaText text, OperationsMetrics metrics, DecisionVersions decisionVersions) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.clocks = clocks;
        this.table = table;
        this.text = text;
        this.metrics = metrics;
        this.decisionVersions = decisionVersions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        Complaint complaint = complaints.get(id);
        String type = Vars.text(execution, Vars.TYPE);
        Priority priority = Priority.of(Vars.text(execution, Vars.PRIORITY));
        Tier tier = Tier.of(Vars.text(execution, Vars.TIER));
        Map<String, Object> row = new HashMap<>();
        SLA_OUTPUTS.forEach(name -> row.put(name, execution.getVariable(name)));
        DecisionDefinition version = table.version(decisionVersions.pinned(execution, SlaTable.KEY));

        complaints.recordTriage(id, type, priority, tier);
        Deadlines d = clocks.start(id, complaint.milestones().receivedAt().toInstant(), SlaTerms.of(row), version);
        timeline.record(id, Timeline.SYSTEM, EventKind.TRIAGED, "%s, %s, %s; respond by %s, resolve by %s (SLA table v%d, %s)"
                .formatted(type, priority.key(), tier, text.moment(d.responseDue()), text.moment(d.resolutionDue()),
                        version.getVersion(), d.calendar()));
        metrics.complaintReceived(type, priority.key(), complaint.channel());
        TierRouting.route(execution, tier);
        SlaVariables.setAll(execution, d);
        execution.removeVariables(SLA_OUTPUTS);
    }
}
