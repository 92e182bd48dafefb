package io.complaintflow.incident;

import io.complaintflow.engine.EngineClock;
import io.complaintflow.incident.MassIncidents.Incident;
import io.complaintflow.intake.IntakeVocabulary;
import io.complaintflow.security.StartFormCheck;
import io.complaintflow.sla.SlaCalendars;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reads and checks a declaration. As the start form's check it refuses a bad declaration from Tasklist or the REST API
 * with a 400 naming the field, before anything starts.
 */
@Component
public class IncidentDeclarations implements StartFormCheck {
    static final String PROCESS = "mass-incident";

    private final IntakeVocabulary vocabulary;
    private final SlaCalendars calendars;
    private final MassIncidents incidents;
    private final IncidentLinking linking;

    /** {@code linking} is lazy: the engine's command guard takes this check before the engine's services exist. */
    public IncidentDeclarations(IntakeVocabulary vocabulary, SlaCalendars calendars, MassIncidents incidents,
                                @Lazy IncidentLinking linking) {
        this.vocabulary = vocabulary;
        this.calendars = calendars;
        this.incidents = incidents;
        this.linking = linking;
    }

    @Override
    public String processKey() {
        return PROCESS;
    }

    @Override
    public void check(Map<String, Object> variables) {
        IncidentDeclaration declaration = read(variables);
        incidents.openIn(declaration.category()).ifPresent(open -> {
            throw IncidentDeclaration.refused(IncidentDeclaration.CATEGORY, MassIncidents.taken(open).getMessage());
        });
        for (String ticket : declaration.tickets()) {
            linking.refusal(ticket).ifPresent(reason -> {
                throw IncidentDeclaration.refused(IncidentDeclaration.TICKETS, reason);
            });
        }
    }

    public IncidentDeclaration read(Map<String, ?> variables) {
        return IncidentDeclaration.of(variables, vocabulary.getCategories(), calendars.zone(), EngineClock.now());
    }

    public Incident declare(IncidentDeclaration declaration, String actor) {
        try {
            return incidents.declare(declaration, actor, EngineClock.now());
        } catch (MassIncidents.CategoryTaken taken) {
            throw IncidentDeclaration.refused(IncidentDeclaration.CATEGORY, taken.getMessage());
        }
    }
}
