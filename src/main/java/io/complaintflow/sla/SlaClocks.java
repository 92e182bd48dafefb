package io.complaintflow.sla;

import static io.complaintflow.sla.SlaTerms.utc;

import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.operations.OperationsMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/** Starts, pauses, resumes and renews a complaint's SLA clocks; the BPMN timers read the moments set here. */
@Service
public class SlaClocks {
    /** A hand-over timer that never fires, for table rows without a grace period. */
    static final OffsetDateTime NEVER = OffsetDateTime.parse("9999-12-31T00:00:00Z");

    private final SlaRecords records;
    private final SlaTable table;
    private final SlaCalendars calendars;
    private final Timeline timeline;
    private final SlaText text;
    private final OperationsMetrics metrics;

    public SlaClocks(SlaRecords records, SlaTable table, SlaCalendars calendars, Timeline timeline, SlaText text,
                     OperationsMetrics metrics) {
        this.records = records;
        this.table = table;
        this.calendars = calendars;
        this.timeline = timeline;
        this.text = text;
        this.metrics = metrics;
    }

    /** At intake: both clocks start at the moment the complaint was received. */
    public Deadlines start(long complaintId, Instant received, SlaTerms terms, DecisionDefinition tableVersion) {
        if (terms.firstResponseWithin() == null || terms.resolutionWithin() == null) {
            throw new IllegalStateException("The SLA table's intake row must give firstResponseWithin and resolutionWithin");
        }
        SlaCalendar calendar = calendars.named(terms.calendar());
        Instant responseDue = calendar.add(received, terms.firstResponseWithin());
        Instant resolutionDue = calendar.add(received, terms.resolutionWithin());
        Deadlines deadlines = new Deadlines(
                utc(responseDue), terms.warnAt(calendar, received, terms.firstResponseWithin()),
                terms.responseGrace() == null ? NEVER : utc(calendar.add(responseDue, terms.responseGrace())),
                utc(resolutionDue), terms.warnAt(calendar, received, terms.resolutionWithin()),
                terms.calendar() == null ? SlaCalendars.ROUND_THE_CLOCK : terms.calendar(), terms.escalationChain());
        records.start(complaintId, deadlines, tableVersion.getId(), tableVersion.getVersion());
        return deadlines;
    }

    /** A resolution clock's current deadline and warning point. */
    public record ResolutionDeadline(OffsetDateTime due, OffsetDateTime warnAt) {
    }

    /** After an escalation: the next tier's fresh resolution deadline from the table's escalation rows. */
    public ResolutionDeadline renewResolution(SlaRecord r, int escalationLevel) {
        SlaTerms terms = table.escalationRow(r.decisionId(), r, Math.max(escalationLevel, 1));
        if (terms.resolutionWithin() == null) {
            throw new IllegalStateException("The SLA table's escalation row gives no resolutionWithin");
        }
        SlaCalendar calendar = calendars.named(terms.calendar());
        Instant now = EngineClock.now().toInstant();
        ResolutionDeadline renewed = new ResolutionDeadline(utc(calendar.add(now, terms.resolutionWithin())),
                terms.warnAt(calendar, now, terms.resolutionWithin()));
        records.setResolutionDeadline(r.complaintId(), renewed.due(), renewed.warnAt(),
                terms.calendar() == null ? r.calendar() : terms.calendar());
        return renewed;
    }

    /** While the customer is asked for information the resolution clock stands still. */
    public void pauseResolution(long complaintId) {
        SlaRecord r = records.get(complaintId);
        SlaCalendar calendar = calendars.named(r.calendar());
        Instant now = EngineClock.now().toInstant();
        Duration remaining = calendar.between(now, r.resolutionDue().toInstant());
        records.pauseResolution(complaintId, utc(now), remaining,
                calendar.between(now, r.resolutionWarnAt().toInstant()));
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.SLA_PAUSED,
                "resolution clock paused with " + SlaText.duration(remaining) + " left");
    }

    /** The customer answered: the clock goes on with the time that was left, counted from now. */
    public ResolutionDeadline resumeResolution(long complaintId) {
        SlaRecord r = records.get(complaintId);
        if (!r.resolutionPaused()) {
            return new ResolutionDeadline(r.resolutionDue(), r.resolutionWarnAt());
        }
        SlaCalendar calendar = calendars.named(r.calendar());
        Instant now = EngineClock.now().toInstant();
        ResolutionDeadline resumed = new ResolutionDeadline(utc(after(calendar, now, r.resolutionRemaining())),
                utc(after(calendar, now, r.resolutionWarnRemaining())));
        records.setResolutionDeadline(complaintId, resumed.due(), resumed.warnAt(), r.calendar());
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.SLA_RESUMED,
                "resolution clock resumed; resolve by " + text.moment(resumed.due()));
        return resumed;
    }

    /** Records a missed deadline once per deadline: a timer that fires again on a re-entered task changes nothing. */
    public void recordBreach(long complaintId, SlaClock clock) {
        recordBreach(records.get(complaintId), clock);
    }

    /** The same, for a caller that has just read the complaint's SLA columns. */
    public void recordBreach(SlaRecord r, SlaClock clock) {
        long complaintId = r.complaintId();
        OffsetDateTime due = clock == SlaClock.RESPONSE ? r.responseDue() : r.resolutionDue();
        OffsetDateTime alreadyRecorded = clock == SlaClock.RESPONSE ? r.responseBreachedAt() : r.resolutionBreachedAt();
        if (alreadyRecorded != null && !alreadyRecorded.isBefore(due)) {
            return;
        }
        records.recordBreach(complaintId, clock, EngineClock.now());
        metrics.slaBreach(clock.name().toLowerCase(java.util.Locale.ROOT));
        timeline.record(complaintId, Timeline.SYSTEM, EventKind.SLA_BREACHED,
                (clock == SlaClock.RESPONSE ? "first response" : "resolution") + " was due " + text.moment(due));
    }

    /** Time already used up counts as due now. */
    private static Instant after(SlaCalendar calendar, Instant now, Duration left) {
        return left == null || left.isNegative() || left.isZero() ? now : calendar.add(now, left);
    }
}
