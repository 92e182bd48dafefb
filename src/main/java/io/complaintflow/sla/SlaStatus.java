package io.complaintflow.sla;

import java.time.OffsetDateTime;

/** Where a complaint stands against its SLA, per clock, as the API and the task forms show it. */
public record SlaStatus(Integer tableVersion, String calendar, String tier, int escalationLevel, int escalationCount,
                        Clock response, Clock resolution) {

    public enum State { ON_TRACK, WARNING, BREACHED, PAUSED, MET }

    /**
     * One clock. {@code remainingMinutes} is counted on the clock's calendar and negative once overdue; it is
     * absent when the clock has stopped. {@code breachedAt} is when the promise was first missed.
     */
    public record Clock(State state, OffsetDateTime dueAt, OffsetDateTime warnAt, OffsetDateTime stoppedAt,
                        OffsetDateTime breachedAt, OffsetDateTime pausedAt, Long remainingMinutes, String remaining) {
    }
}
