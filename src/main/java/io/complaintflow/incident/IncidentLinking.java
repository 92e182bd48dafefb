package io.complaintflow.incident;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.ComplaintStatus;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.engine.SystemAccess;
import io.complaintflow.incident.MassIncidents.Incident;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Puts complaints into an incident: by ticket, by category and time window, and at intake while the incident is open.
 * A linked complaint leaves its tier (the "LinkedToIncident" message ends its work there), its customer is told it is a
 * known incident and its resolution clock stands still until the incident is resolved.
 */
@Service
public class IncidentLinking {
    public static final String LINKED = "LinkedToIncident";
    public static final String UNLINKED = "UnlinkedFromIncident";
    /** The complaint's routing values while it belongs to an incident. */
    public static final String INCIDENT_NUMBER = "incidentNumber";
    public static final String KNOWN_INCIDENT = "knownIncident";
    static final Set<String> PROBLEMS = Set.of("problem", "complaint");

    private final MassIncidents incidents;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final ComplaintProcesses processes;
    private final JdbcTemplate jdbc;

    public IncidentLinking(MassIncidents incidents, ComplaintRepository complaints, Timeline timeline,
                           RuntimeService runtimeService, ComplaintProcesses processes, JdbcTemplate jdbc) {
        this.incidents = incidents;
        this.complaints = complaints;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.processes = processes;
        this.jdbc = jdbc;
    }

    /** Why the ticket cannot join an incident now; empty when it can. */
    public Optional<String> refusal(String ticket) {
        Optional<Complaint> found = complaints.findByTicketNumber(ticket);
        if (found.isEmpty()) {
            return Optional.of("there is no ticket " + ticket);
        }
        Complaint c = found.get();
        if (!PROBLEMS.contains(c.type())) {
            return Optional.of(ticket + " is " + (c.type() == null ? "not triaged yet" : "a " + c.type() + ", not a problem"));
        }
        return switch (ComplaintStatus.valueOf(c.status())) {
            // its question may still be on its way out, inside the tier: the answer would have nowhere to go
            case WAITING_FOR_CUSTOMER -> Optional.of(ticket + " waits for the customer's answer; link it once the answer is in");
            case RESOLVED -> Optional.of(ticket + " is resolved already");
            case CLOSED -> Optional.of(ticket + " is closed");
            default -> awaitsLink(c) ? Optional.empty() : Optional.of(ticket
                    + incidents.waitedInBy(c.id()).map(n -> " belongs to " + n + " already").orElse(" is not at a tier's work now"));
        };
    }

    /** Links each named ticket; refused as a whole, naming the form field, if one of them cannot join. */
    public int linkTickets(Incident incident, List<String> tickets, String field, String actor) {
        for (String ticket : tickets) {
            refusal(ticket).ifPresent(reason -> {
                throw IncidentDeclaration.refused(field, reason);
            });
        }
        tickets.forEach(ticket -> link(incident, complaints.findByTicketNumber(ticket).orElseThrow(), actor));
        return tickets.size();
    }

    /**
     * Takes complaints linked by mistake out of the incident: each goes back to a tier at confirmation with its
     * resolution clock running on. Refused as a whole, naming the form field, if one of them is not waiting in it.
     */
    public int unlinkTickets(Incident incident, List<String> tickets, String field, String actor) {
        List<Complaint> found = tickets.stream().map(ticket -> complaints.findByTicketNumber(ticket)
                .filter(c -> incidents.holds(incident.id(), c.id()) && processes.waitsFor(processes.of(c.id()), UNLINKED))
                .orElseThrow(() -> IncidentDeclaration.refused(field, ticket + " is not a complaint of " + incident.number()
                        + " waiting for its fix"))).toList();
        for (Complaint c : found) {
            incidents.removeComplaint(incident.id(), c.id());
            timeline.record(c.id(), actor, EventKind.INCIDENT_UNLINKED, incident.number() + " " + incident.title());
            SystemAccess.call(() -> runtimeService.createMessageCorrelation(UNLINKED).processInstanceId(processes.of(c.id()))
                    .correlateWithResult());
        }
        return found.size();
    }

    /**
     * The incident's category's problems received since its window started and still open, to be linked one job each
     * ({@link #linkFromWindow}); none for an incident without a category or window.
     */
    public List<Long> windowComplaints(long incidentId) {
        Incident incident = incidents.get(incidentId);
        if (incident.category() == null || incident.affectedSince() == null) {
            return List.of();
        }
        return jdbc.queryForList("SELECT id FROM complaint WHERE category = ? AND received_at >= ? "
                + "AND status IN ('RECEIVED', 'IN_PROGRESS', 'REOPENED') AND type IN ('problem', 'complaint') ORDER BY received_at, id",
                Long.class, incident.category(), incident.affectedSince());
    }

    /**
     * Links one complaint of the incident's window if it is at a tier's work, in the name of whoever declared the
     * incident. One still on its way to its tier (a step of its intake queued) is refused, so the job is retried; one
     * that went on meanwhile (resolved, waiting for the customer, in the incident already) is left as it is.
     */
    public void linkFromWindow(Incident incident, long complaintId) {
        Complaint c = complaints.get(complaintId);
        if (awaitsLink(c)) {
            link(incident, c, incident.declaredBy());
        } else if (incidents.waitedInBy(complaintId).isEmpty() && processes.onItsWay(processes.of(complaintId))) {
            throw new IllegalStateException("Complaint " + complaintId + " is on its way to its tier; linking it to "
                    + incident.number() + " is retried");
        }
    }

    /** At intake: a new problem of a category with an open incident joins it; the process routes it there itself. */
    public Optional<Incident> joinAtIntake(long complaintId) {
        Complaint c = complaints.get(complaintId);
        if (!PROBLEMS.contains(c.type())) {
            return Optional.empty();
        }
        Optional<Incident> open = incidents.lockOpenIn(c.category())
                .filter(i -> i.affectedSince() == null || !c.milestones().receivedAt().isBefore(i.affectedSince()));
        open.ifPresent(incident -> record(incident, c, Timeline.SYSTEM));
        return open;
    }

    private void link(Incident incident, Complaint c, String actor) {
        if (!record(incident, c, actor)) {
            return;
        }
        SystemAccess.call(() -> runtimeService.createMessageCorrelation(LINKED).processInstanceId(processes.of(c.id()))
                .setVariable(INCIDENT_NUMBER, incident.number()).setVariable("confirmation", KNOWN_INCIDENT)
                .correlateWithResult());
    }

    private boolean record(Incident incident, Complaint c, String actor) {
        OffsetDateTime now = EngineClock.now();
        if (!incidents.addComplaint(incident.id(), c.id(), actor, now)) {
            return false;
        }
        // the notice that it is a known incident is the first answer the customer gets, and the incident confirms it
        complaints.reachMilestone(c.id(), Milestone.FIRST_RESPONSE, now);
        complaints.reachMilestone(c.id(), Milestone.CONFIRMED, now);
        if (ComplaintStatus.RECEIVED.name().equals(c.status())) {
            complaints.updateStatus(c.id(), ComplaintStatus.IN_PROGRESS);
        }
        timeline.record(c.id(), actor, EventKind.INCIDENT_LINKED, incident.number() + " " + incident.title());
        return true;
    }

    private boolean awaitsLink(Complaint c) {
        return processes.waitsFor(processes.of(c.id()), LINKED);
    }
}
