package io.complaintflow.incident;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a supervisor declares (the start form "declare-incident", or an investigated spike): a title, the category
 * whose complaints it holds and since when, and tickets to link by hand. Refusals name the form field.
 */
public record IncidentDeclaration(String title, String category, OffsetDateTime affectedSince, List<String> tickets,
                                  Long spikeId) {
    public static final String TITLE = "incidentTitle";
    public static final String CATEGORY = "incidentCategory";
    public static final String AFFECTED_SINCE = "affectedSince";
    public static final String TICKETS = "incidentTickets";
    public static final String SPIKE_ID = "spikeId";
    public static final List<String> VARIABLES = List.of(TITLE, CATEGORY, AFFECTED_SINCE, TICKETS, SPIKE_ID);
    /** How the form asks for the start of the time window: a minute in the office's time zone. */
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int MAX_TITLE = 200;
    static final int MAX_TICKETS = 1000;

    public static IncidentDeclaration of(Map<String, ?> variables, List<String> categories, ZoneId zone, OffsetDateTime now) {
        String title = text(variables.get(TITLE));
        if (title == null) {
            throw refused(TITLE, "name the incident, e.g. \"Payment page down\"");
        }
        if (title.length() > MAX_TITLE) {
            throw refused(TITLE, "at most " + MAX_TITLE + " characters");
        }
        String category = text(variables.get(CATEGORY));
        if (category != null && !categories.contains(category)) {
            throw refused(CATEGORY, "must be one of " + String.join(", ", categories));
        }
        OffsetDateTime since = since(text(variables.get(AFFECTED_SINCE)), zone, now);
        if (since != null && category == null) {
            throw refused(AFFECTED_SINCE, "links the complaints of a category; choose the category too");
        }
        List<String> tickets = tickets(text(variables.get(TICKETS)));
        if (category == null && tickets.isEmpty()) {
            throw refused(CATEGORY, "choose the category of the incident or name the tickets it holds");
        }
        Object spike = variables.get(SPIKE_ID);
        return new IncidentDeclaration(title, category, since, tickets, spike == null ? null : ((Number) spike).longValue());
    }

    private static OffsetDateTime since(String text, ZoneId zone, OffsetDateTime now) {
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime since = LocalDateTime.parse(text, MINUTE).atZone(zone).toOffsetDateTime();
            if (since.isAfter(now)) {
                throw refused(AFFECTED_SINCE, "lies in the future");
            }
            return since;
        } catch (DateTimeParseException e) {
            throw refused(AFFECTED_SINCE, "write it as 2026-12-01 09:30 (" + zone + ")");
        }
    }

    /** Ticket numbers separated by spaces, commas or lines. */
    public static List<String> tickets(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> tickets = Arrays.stream(text.split("[\\s,;，；]+")).filter(t -> !t.isEmpty()).distinct().toList();
        if (tickets.size() > MAX_TICKETS) {
            throw refused(TICKETS, "at most " + MAX_TICKETS + " tickets at once");
        }
        return tickets;
    }

    static String text(Object value) {
        String text = value == null ? null : value.toString().trim();
        return text == null || text.isEmpty() ? null : text;
    }

    static FormFieldValidationException refused(String field, String reason) {
        return new FormFieldValidationException(field, field + ": " + reason);
    }
}
