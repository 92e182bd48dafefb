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
    private static final java.util.Map<SlaStatus.State, String> LABELS_ZH = java.util.Map.of(
            SlaStatus.State.ON_TRACK, "正常", SlaStatus.State.WARNING, "预警", SlaStatus.State.BREACHED, "已超时",
            SlaStatus.State.PAUSED, "已暂停", SlaStatus.State.MET, "已达成");

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

    /** The task forms' "Response SLA" and "Resolution SLA" lines, in English and Chinese, by the fields that show them. */
    public java.util.Map<String, String> formLines(long complaintId) {
        SlaStatus sla = of(complaintId);
        return java.util.Map.of("responseDueText", bilingual(sla.response()), "resolutionDueText", bilingual(sla.resolution()));
    }

    private String bilingual(SlaStatus.Clock clock) {
        return clock == null ? "" : summary(clock) + " ｜ " + summaryInChinese(clock);
    }

    /** The same line in Chinese, e.g. "预警：2026-11-23 14:15 (Asia/Shanghai) 到期，14:03 时剩余 12 分钟". */
    public String summaryInChinese(SlaStatus.Clock clock) {
        String line = LABELS_ZH.get(clock.state()) + "：" + text.moment(clock.dueAt()) + " 到期";
        if (clock.remainingMinutes() != null) {
            long minutes = clock.remainingMinutes();
            line += "，" + text.timeOfDay(EngineClock.now()) + " 时" + (minutes >= 0 ? "剩余 " : "已超时 ")
                    + SlaText.durationInChinese(Math.abs(minutes));
        }
        if (clock.state() == SlaStatus.State.PAUSED) {
            line += "（等待客户答复，计时暂停）";
        } else if (clock.breachedAt() != null && clock.stoppedAt() == null) {
            line += "，已于 " + text.moment(clock.breachedAt()) + " 超时";
        }
        return line;
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
