package io.complaintflow.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.incident.MassIncidents.Incident;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What staff read of incidents (the REST API, Cockpit's incident section): the latest with their complaint counts, one in full. */
@Component
public class IncidentViews {
    static final int LATEST = 50;
    private static volatile IncidentViews instance;

    public record Listed(String number, Incident incident, int complaints) {
    }

    public record Detail(String number, Incident incident, List<MassIncidents.Linked> complaints) {
    }

    private final MassIncidents incidents;
    private final ObjectMapper json;

    public IncidentViews(MassIncidents incidents, ObjectMapper json) {
        this.incidents = incidents;
        this.json = json;
        instance = this;
    }

    /** For Cockpit's plugin resource, which Jersey creates outside Spring. */
    static IncidentViews instance() {
        if (instance == null) {
            throw new IllegalStateException("The incident views are not started yet");
        }
        return instance;
    }

    ObjectMapper json() {
        return json;
    }

    public List<Listed> latest() {
        List<Incident> latest = incidents.latest(LATEST);
        Map<Long, Integer> counts = incidents.complaintCounts(latest.stream().map(Incident::id).toList());
        return latest.stream().map(i -> new Listed(i.number(), i, counts.getOrDefault(i.id(), 0))).toList();
    }

    public Optional<Detail> one(String number) {
        return MassIncidents.idOf(number).flatMap(incidents::find)
                .map(i -> new Detail(i.number(), i, incidents.complaints(i.id())));
    }
}
