package io.complaintflow.complaint;

import io.complaintflow.engine.EngineClock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what when, for every complaint. */
@Repository
public class Timeline {
    public static final String SYSTEM = "system";
    public static final String CUSTOMER = "customer";

    public record Event(OffsetDateTime at, String actor, String kind, String detail) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Event> EVENT =
            (rs, i) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4));

    private final JdbcTemplate jdbc;

    public Timeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = "INSERT INTO complaint_event (complaint_id, occurred_at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)";

    public void record(long complaintId, String actor, String kind, String detail) {
        jdbc.update(INSERT, complaintId, EngineClock.now(), actor, kind, detail);
    }

    /** One entry on each complaint, in one batch (a digest tells thousands at once). */
    public <T> void recordEach(List<T> items, java.util.function.ToLongFunction<T> complaintId, String actor, String kind,
                               java.util.function.Function<T, String> detail) {
        var now = EngineClock.now();
        jdbc.batchUpdate(INSERT, items, 500, (ps, item) -> {
            ps.setLong(1, complaintId.applyAsLong(item));
            ps.setObject(2, now);
            ps.setString(3, actor);
            ps.setString(4, kind);
            ps.setString(5, detail.apply(item));
        });
    }

    public List<Event> of(long complaintId) {
        return jdbc.query("SELECT occurred_at, actor, kind, detail FROM complaint_event WHERE complaint_id = ? ORDER BY occurred_at, id",
                EVENT,
                complaintId);
    }

    /** The newest event of a kind, e.g. the question most recently asked of the customer. */
    public Optional<Event> latest(long complaintId, String kind) {
        return newest("", complaintId, kind);
    }

    public int count(long complaintId, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ? AND kind = ?", Integer.class,
                complaintId, kind);
    }

    /** The newest event of a kind with this detail, e.g. the last new link mail queued. */
    public Optional<Event> latest(long complaintId, String kind, String detail) {
        return newest(" AND detail = ?", complaintId, kind, detail);
    }

    private Optional<Event> newest(String moreConditions, Object... values) {
        return jdbc.query("SELECT occurred_at, actor, kind, detail FROM complaint_event WHERE complaint_id = ? AND kind = ?"
                + moreConditions + " ORDER BY occurred_at DESC, id DESC FETCH FIRST 1 ROWS ONLY", EVENT, values).stream().findFirst();
    }

    public int count(long complaintId, String kind, String detail) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ? AND kind = ? AND detail = ?",
                Integer.class, complaintId, kind, detail);
    }

    public List<String> mailsWaiting(long complaintId) {
        return mailsWaiting(of(complaintId));
    }

    /**
     * Customer mails queued but not yet sent (mail server down, or simply not yet picked up), oldest first, one
     * entry per mail: of the mails queued under one name, the first as many as were sent or withdrawn are done.
     */
    public static List<String> mailsWaiting(List<Event> timeline) {
        Map<String, Integer> notMatched = new HashMap<>();
        timeline.stream().filter(e -> EventKind.MAIL_SENT.equals(e.kind()) || EventKind.MAIL_WITHDRAWN.equals(e.kind()))
                .forEach(e -> notMatched.merge(e.detail(), 1, Integer::sum));
        List<String> waiting = new ArrayList<>();
        for (Event e : timeline) {
            if (EventKind.MAIL_QUEUED.equals(e.kind()) && notMatched.merge(e.detail(), -1, Integer::sum) < 0) {
                waiting.add(e.detail());
            }
        }
        return waiting;
    }

    /** The timeline as plain lines, for task forms. */
    public static String asText(List<Event> timeline) {
        StringBuilder text = new StringBuilder();
        for (Event e : timeline) {
            text.append(e.at().toString(), 0, 16).append("  ").append(e.actor()).append("  ").append(e.kind());
            if (e.detail() != null && !e.detail().isBlank()) {
                text.append(": ").append(e.detail());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
