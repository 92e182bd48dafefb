package io.complaintflow.sla;

import java.time.Duration;
import java.time.Instant;

/** The clock an SLA row runs on: round the clock, or business hours only. */
public interface SlaCalendar {
    /** The moment that lies the given amount of counted time after the start. */
    Instant add(Instant start, Duration countedTime);

    /** The counted time from one moment to another (negative when {@code to} is earlier). */
    Duration between(Instant from, Instant to);

    SlaCalendar ROUND_THE_CLOCK = new SlaCalendar() {
        public Instant add(Instant start, Duration countedTime) {
            return start.plus(countedTime);
        }

        public Duration between(Instant from, Instant to) {
            return Duration.between(from, to);
        }
    };
}
