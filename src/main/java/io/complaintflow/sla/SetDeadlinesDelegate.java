package io.complaintflow.sla;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.SystemAccess;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.resolution.Tier;
import io.complaintflow.resolution.TierRouting;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns the triage and SLA tables' answers into the complaint's deadlines, counted from the moment it
 * was received, and routes it to the tier triage chose.
 */
@Component("setDeadlines")
public class SetDeadlinesDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final TierRouting routing;
    private final RepositoryService repositoryService;

    public SetDeadlinesDelegate(ComplaintRepository complaints, Timeline timeline, TierRouting routing,
                                RepositoryService repositoryService) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.routing = routing;
        this.repositoryService = repositoryService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        Complaint complaint = complaints.get(id);
        String type = Vars.text(execution, Vars.TYPE);
        String priority = Vars.text(execution, Vars.PRIORITY);
        Tier tier = Tier.of(Vars.text(execution, Vars.TIER));
        OffsetDateTime received = complaint.milestones().receivedAt();
        OffsetDateTime responseDue = received.plus(Duration.parse(Vars.text(execution, "firstResponseWithin")));
        OffsetDateTime resolutionDue = received.plus(Duration.parse(Vars.text(execution, "resolutionWithin")));

        complaints.recordTriage(id, type, priority, tier.name());
        complaints.recordDeadlines(id, responseDue, resolutionDue, slaTableVersion());
        timeline.record(id, Timeline.SYSTEM, EventKind.TRIAGED,
                "%s, %s, %s; respond by %s, resolve by %s".formatted(type, priority, tier, responseDue, resolutionDue));
        routing.route(execution, tier);
        execution.setVariable(Vars.RESPONSE_DUE, Date.from(responseDue.toInstant()));
        execution.setVariable(Vars.RESOLUTION_DUE, Date.from(resolutionDue.toInstant()));
        execution.removeVariables(java.util.List.of("triageResult", "slaResult"));
    }

    /** The SLA table is bound "latest": the newest deployed version is the one that just answered. */
    private Integer slaTableVersion() {
        DecisionDefinition table = SystemAccess.call(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("sla-policy").latestVersion().singleResult());
        return table == null ? null : table.getVersion();
    }
}
