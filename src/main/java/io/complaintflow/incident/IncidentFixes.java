package io.complaintflow.incident;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.engine.SystemAccess;
import io.complaintflow.incident.MassIncidents.Incident;
import io.complaintflow.notification.MailTemplates;
import io.complaintflow.sla.SlaClocks;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The incident's fix reaching its complaints: each one is told once ("IncidentResolved"), takes the cause and solution
 * in its customer's language, and goes on with its resolution clock where it stood.
 */
@Service
public class IncidentFixes {
    public static final String FIXED = "IncidentResolved";

    private final MassIncidents incidents;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final SlaClocks clocks;
    private final RuntimeService runtimeService;
    private final ComplaintProcesses processes;

    public IncidentFixes(MassIncidents incidents, ComplaintRepository complaints, Timeline timeline, SlaClocks clocks,
                         RuntimeService runtimeService, ComplaintProcesses processes) {
        this.incidents = incidents;
        this.complaints = complaints;
        this.timeline = timeline;
        this.clocks = clocks;
        this.runtimeService = runtimeService;
        this.processes = processes;
    }

    /**
     * Tells one linked complaint that the incident is fixed; a complaint told before, or gone, is not told again. One
     * that joined at intake but has not reached the wait yet (its intake job is still queued) is refused, so the job
     * is retried.
     */
    public void announce(long incidentId, long complaintId) {
        String process = processes.of(complaintId);
        if (processes.running(process)) {
            boolean waiting = processes.waitsFor(process, FIXED);
            if (!waiting && !incidents.told(incidentId, complaintId)) {
                throw new IllegalStateException("Complaint " + complaintId + " has not reached the wait for the incident's fix "
                        + "yet; this job is retried");
            }
            if (waiting) {
                SystemAccess.call(() -> runtimeService.createMessageCorrelation(FIXED).processInstanceId(process).correlateWithResult());
            }
        }
        incidents.told(incidentId, complaintId, EngineClock.now());
    }

    /** In the complaint: the incident's cause and solution become its own; the resolution clock runs on. */
    public SlaClocks.ResolutionDeadline apply(long complaintId, String incidentNumber) {
        Incident incident = MassIncidents.idOf(incidentNumber).map(incidents::get)
                .orElseThrow(() -> new IllegalStateException("Not an incident number: " + incidentNumber));
        Complaint c = complaints.get(complaintId);
        String language = MailTemplates.languageOf(c.locale());
        complaints.recordSolution(complaintId, incident.fix().solution(language), incident.fix().cause(language));
        OffsetDateTime now = EngineClock.now();
        complaints.reachMilestone(complaintId, Milestone.SOLUTION_DECIDED, now);
        complaints.reachMilestone(complaintId, Milestone.IMPLEMENTED, now);
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.IMPLEMENTED, "fixed with " + incident.number());
        return clocks.resumeResolution(complaintId);
    }
}
