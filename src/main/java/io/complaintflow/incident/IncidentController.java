package io.complaintflow.incident;

import io.complaintflow.incident.MassIncidents.Incident;
import io.complaintflow.incident.MassIncidents.Linked;
import io.complaintflow.web.ApiErrors;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read incidents here: the latest ones, and one with its complaints, its fix and its review. Supervisors declare
 * and work incidents in Tasklist (process "mass-incident"), which is also the REST way to do so.
 */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {
    static final int LATEST = 100;

    public record Detail(String number, Incident incident, List<Linked> complaints) {
    }

    private final MassIncidents incidents;

    public IncidentController(MassIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    public List<Incident> latest() {
        return incidents.latest(LATEST);
    }

    @GetMapping("/{number}")
    public Detail one(@PathVariable String number) {
        Incident incident = parse(number).flatMap(incidents::find)
                .orElseThrow(() -> new ApiErrors.NotFound("There is no incident " + number));
        return new Detail(incident.number(), incident, incidents.complaints(incident.id()));
    }

    private static Optional<Long> parse(String number) {
        return number.matches("INC-\\d{1,18}") ? Optional.of(Long.parseLong(number.substring(4)))
                : Optional.empty();
    }
}
