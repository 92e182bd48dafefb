package io.complaintflow.sla;

import io.complaintflow.engine.EngineClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** Works out each clock's state from the complaint's SLA columns and the engine's clock. */
@Component
public class SlaStatusView {
    private static final java.util.Map<SlaStatus.State, String> LABELS = java.util.Map.of(
            SlaStatus.State.ON_TRACK, "On track", SlaStatus.State.WARNING, "WARNING", SlaStatus.State.BREACHED, "BREACHED",
            SlaStatus.State.PAUSED, "Paused", SlaStatus.State.MET, "Met");

    private final SlaRecords records;
    private final SlaCalendars calendars;
    private final SlaText text;

    public SlaStatusView(SlaRecords records, SlaCalendars calendars, SlaText text) {
        this.records = records;
        this.calendars = calendars;
        this.text = text;
    }

    public SlaStatus of(long complaintId) {
        SlaRecord r = records.get(complaintId);
        SlaCalendar calendar = calendars.named(r.calendar());
        OffsetDateTime now = EngineClock.now();
        return new SlaStatus(r.decisionVersion(), r.calendar(), r.tier(), r.escalationLevel(), r.escalationCount(),
                clock(calendar, now, r.responseDue(), r.responseWarnAt(), r.responseStoppedAt(), r.responseBreachedAt(),
                        null, null),
                clock(calendar, now, r.resolutionDue(), r.resolutionWarnAt(), r.resolutionStoppedAt(),
                        r.resolutionBreachedAt(), r.resolutionPausedAt(), r.resolutionRemaining()));
    }

    /** The task forms' "Response SLA" and "Resolution SLA" lines, by the form field keys that show them. */
    public java.util.Map<String, String> formLines(long complaintId) {
        SlaStatus sla = of(complaintId);
        return java.util.Map.of("responseDueText", summary(sla.response()), "resolutionDueText", summary(sla.resolution()));
    }

    /** One line per clock for the task forms, e.g. "WARNING · due 2026-11-23 14:15 (Asia/Shanghai) · 12 min left". */
    public String summary(SlaStatus.Clock clock) {
        if (clock == null) {
            return "";
        }
        String line = LABELS.get(clock.state()) + " · due " + text.moment(clock.dueAt());
        if (clock.remaining() != null) {
            // a form shows a snapshot: say when the time left was counted
            line += " · " + clock.remaining() + (clock.remainingMinutes() >= 0 ? " left" : "") + " at "
                    + text.timeOfDay(EngineClock.now());
        }
        if (clock.state() == SlaStatus.State.PAUSED) {
            line += " (paused while waiting for the customer)";
        } else if (clock.breachedAt() != null && clock.stoppedAt() == null) {
            line += " · missed at " + text.moment(clock.breachedAt());
        }
        return line;
    }

    private static SlaStatus.Clock clock(SlaCalendar calendar, OffsetDateTime now, OffsetDateTime due,
                                         OffsetDateTime warnAt, OffsetDateTime stoppedAt, OffsetDateTime breachedAt,
                                         OffsetDateTime pausedAt, Duration pausedRemaining) {
        if (due == null) {
            return null;
        }
        if (stoppedAt != null) {
            boolean late = breachedAt != null || stoppedAt.isAfter(due);
            return new SlaStatus.Clock(late ? SlaStatus.State.BREACHED : SlaStatus.State.MET, due, warnAt, stoppedAt,
                    breachedAt, null, null, null);
        }
        Duration remaining = pausedAt != null ? pausedRemaining : calendar.between(now.toInstant(), due.toInstant());
        SlaStatus.State state;
        if (pausedAt != null) {
            state = SlaStatus.State.PAUSED;
        } else if (breachedAt != null || !now.isBefore(due)) {
            state = SlaStatus.State.BREACHED;
        } else if (warnAt != null && !now.isBefore(warnAt)) {
            state = SlaStatus.State.WARNING;
        } else {
            state = SlaStatus.State.ON_TRACK;
        }
        return new SlaStatus.Clock(state, due, warnAt, null, breachedAt, pausedAt, Math.floorDiv(remaining.toSeconds(), 60),
                SlaText.duration(remaining));
    }
}
