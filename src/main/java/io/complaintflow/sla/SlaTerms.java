package io.complaintflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** One answer of the SLA table: how long, when to warn, on which calendar, and how a case escalates. */
public record SlaTerms(Duration firstResponseWithin, Duration resolutionWithin, int warnAtPercent, String calendar,
                       Duration responseGrace, String escalationChain) {

    public static SlaTerms of(Map<String, ?> row) {
        return new SlaTerms(duration(row, "firstResponseWithin"), duration(row, "resolutionWithin"),
                warnAtPercent(row), text(row, "calendar"), duration(row, "responseGrace"), text(row, "escalationChain"));
    }

    /** The moment a clock started at {@code start} with this much time warns, on the given calendar. */
    public OffsetDateTime warnAt(SlaCalendar calendar, Instant start, Duration within) {
        return utc(calendar.add(start, within.multipliedBy(warnAtPercent).dividedBy(100)));
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Duration duration(Map<String, ?> row, String name) {
        String value = text(row, name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The SLA table's " + name + " \"" + value
                    + "\" is not an ISO-8601 duration such as PT15M or P7D", e);
        }
    }

    private static int warnAtPercent(Map<String, ?> row) {
        Object value = row.get("warnAtPercent");
        int percent = value == null ? 100 : ((Number) value).intValue();
        if (percent < 1 || percent > 100) {
            throw new IllegalStateException("The SLA table's warnAtPercent must be 1 to 100, not " + percent);
        }
        return percent;
    }

    private static String text(Map<String, ?> row, String name) {
        Object value = row.get(name);
        return value == null ? null : value.toString().trim();
    }
}
