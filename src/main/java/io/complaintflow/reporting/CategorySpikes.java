package io.complaintflow.reporting;

import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.engine.SystemAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Sudden rises of complaints in one category (异常波动): the last hour against the same hour on each of the last
 * four weeks, judged by the owners' spike-thresholds table. A category has at most one open spike: it is not raised
 * again until its investigation is done.
 */
@Service
public class CategorySpikes {
    static final String TABLE = "spike-thresholds";
    static final String INVESTIGATION = "spike-investigation";
    static final int WEEKS = 4;
    /** A usual level under one complaint in four hours counts as this, so that a first burst has a finite ratio. */
    static final double LOWEST_USUAL = 0.25;
    static final int LISTED_COMPLAINTS = 200;

    public record Spike(long id, String category, OffsetDateTime windowStart, OffsetDateTime windowEnd, int lastHour,
                        BigDecimal usualPerHour, String finding, OffsetDateTime closedAt) {
    }

    public record Listed(String ticketNumber, OffsetDateTime receivedAt, String subject) {
    }

    private final JdbcTemplate jdbc;
    private final DecisionService decisions;
    private final RuntimeService runtimeService;

    public CategorySpikes(JdbcTemplate jdbc, DecisionService decisions, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
    }

    /**
     * Judges every category with complaints in the hour before {@code now}; returns the ids of the new spikes. A
     * category with an open investigation is skipped; after one, only complaints since the investigated hour count.
     */
    public List<Long> look(OffsetDateTime now) {
        OffsetDateTime from = now.minusHours(1);
        Map<String, Integer> usual = new HashMap<>();
        for (int week = 1; week <= WEEKS; week++) {
            counts(from.minusWeeks(week), now.minusWeeks(week)).forEach((category, n) -> usual.merge(category, n, Integer::sum));
        }
        Set<String> open = openCategories();
        Map<String, OffsetDateTime> investigatedUntil = investigatedSince(from);
        List<Long> opened = new ArrayList<>();
        counts(from, now).forEach((category, inTheHour) -> {
            if (open.contains(category)) {
                return;
            }
            OffsetDateTime since = investigatedUntil.getOrDefault(category, from);
            int lastHour = since.equals(from) ? inTheHour : counts(since, now).getOrDefault(category, 0);
            BigDecimal usualPerHour = BigDecimal.valueOf(usual.getOrDefault(category, 0)).divide(BigDecimal.valueOf(WEEKS), 2,
                    RoundingMode.HALF_UP);
            double timesUsual = lastHour / Math.max(usualPerHour.doubleValue(), LOWEST_USUAL);
            if (lastHour > 0 && isSpike(category, lastHour, timesUsual)) {
                opened.add(open(category, since, now, lastHour, usualPerHour));
            }
        });
        return opened;
    }

    /**
     * Categories under investigation. A spike whose investigation is gone without a finding (cancelled in Cockpit,
     * perhaps skipping listeners) is ended here, so no category stays unwatched.
     */
    private Set<String> openCategories() {
        Set<String> open = new HashSet<>();
        List<Map<String, Object>> spikes = jdbc.queryForList("SELECT id, category FROM category_spike WHERE open_category IS NOT NULL");
        for (Map<String, Object> spike : spikes) {
            long id = ((Number) spike.get("id")).longValue();
            if (SystemAccess.call(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("SPIKE-" + id)
                    .processDefinitionKey(INVESTIGATION).count()) > 0) {
                open.add((String) spike.get("category"));
            } else {
                close(id, null, Timeline.SYSTEM, EngineClock.now());
            }
        }
        return open;
    }

    /** Per category, the end of its latest investigated hour, where that reaches into the current hour. */
    private Map<String, OffsetDateTime> investigatedSince(OffsetDateTime from) {
        Map<String, OffsetDateTime> until = new HashMap<>();
        jdbc.query("SELECT category, MAX(window_end) FROM category_spike WHERE window_end > ? GROUP BY category",
                rs -> {
                    until.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                }, from);
        return until;
    }

    private boolean isSpike(String category, int lastHour, double timesUsual) {
        Object spike = decisions.evaluateDecisionTableByKey(TABLE)
                .variables(Map.of("category", category, "lastHour", lastHour, "timesUsual", timesUsual))
                .evaluate().getSingleResult().getEntry("spike");
        return Boolean.TRUE.equals(spike);
    }

    private Map<String, Integer> counts(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT category, COUNT(*) FROM complaint WHERE received_at > ? AND received_at <= ? GROUP BY category",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, from, to);
        return counts;
    }

    /** A new open spike; the unique open_category is only a backstop, since open categories are skipped before. */
    private long open(String category, OffsetDateTime from, OffsetDateTime to, int lastHour, BigDecimal usualPerHour) {
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO category_spike (category, open_category, window_start, "
                    + "window_end, last_hour, usual_per_hour) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, category);
            insert.setString(2, category);
            insert.setObject(3, from);
            insert.setObject(4, to);
            insert.setInt(5, lastHour);
            insert.setBigDecimal(6, usualPerHour);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public Spike get(long id) {
        return jdbc.queryForObject("SELECT id, category, window_start, window_end, last_hour, usual_per_hour, finding, closed_at "
                + "FROM category_spike WHERE id = ?", (rs, i) -> new Spike(rs.getLong(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getBigDecimal(6),
                rs.getString(7), rs.getObject(8, OffsetDateTime.class)), id);
    }

    /** The spike's complaints, newest first (at most {@value #LISTED_COMPLAINTS}). */
    public List<Listed> complaints(Spike spike) {
        return jdbc.query("SELECT ticket_number, received_at, subject FROM complaint WHERE category = ? AND received_at > ? "
                        + "AND received_at <= ? ORDER BY received_at DESC, id DESC FETCH FIRST " + LISTED_COMPLAINTS + " ROWS ONLY",
                (rs, i) -> new Listed(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)),
                spike.category(), spike.windowStart(), spike.windowEnd());
    }

    /** The investigation is done: its finding is kept, and the category may be raised again. */
    public void close(long id, String finding, String by, OffsetDateTime at) {
        jdbc.update("UPDATE category_spike SET open_category = NULL, finding = ?, closed_by = ?, closed_at = ? WHERE id = ?",
                finding, by, at, id);
    }
}
