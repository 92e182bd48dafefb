package io.complaintflow.incident;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Mass incidents (群体性投诉): one cause that many customers report, declared by a supervisor, resolved once, reviewed
 * once. A category has at most one open incident; while it is open, new complaints of that category join it at intake.
 */
@Service
public class MassIncidents {
    public enum Status { OPEN, RESOLVED, CLOSED }

    public record Incident(long id, String title, String category, OffsetDateTime affectedSince, Long spikeId, Status status,
                           String declaredBy, OffsetDateTime declaredAt, Fix fix, String resolvedBy, OffsetDateTime resolvedAt,
                           Review review, String reviewedBy, OffsetDateTime closedAt) {
        public String number() {
            return number(id);
        }

        public static String number(long id) {
            return "INC-" + id;
        }
    }

    /** What customers are told: the cause and the solution, in English and in Chinese. */
    public record Fix(String cause, String solution, String causeZh, String solutionZh) {
        public String cause(String language) {
            return "zh-CN".equals(language) ? causeZh : cause;
        }

        public String solution(String language) {
            return "zh-CN".equals(language) ? solutionZh : solution;
        }
    }

    /** The incident's own review (事故报告), written once for all of its complaints. */
    public record Review(String rootCauseCategory, String severity, String impactScope, String preventiveActions) {
    }

    public record Linked(long complaintId, String ticketNumber, String subject, String locale, String status,
                         OffsetDateTime receivedAt, OffsetDateTime linkedAt, OffsetDateTime toldAt) {
    }

    public static class CategoryTaken extends IllegalStateException {
        CategoryTaken(String message) {
            super(message);
        }
    }

    private static final RowMapper<Incident> INCIDENT = (rs, i) -> new Incident(rs.getLong("id"), rs.getString("title"),
            rs.getString("category"), rs.getObject("affected_since", OffsetDateTime.class),
            rs.getObject("spike_id") == null ? null : rs.getLong("spike_id"), Status.valueOf(rs.getString("status")),
            rs.getString("declared_by"), rs.getObject("declared_at", OffsetDateTime.class),
            rs.getString("cause") == null ? null : new Fix(rs.getString("cause"), rs.getString("solution"),
                    rs.getString("cause_zh"), rs.getString("solution_zh")),
            rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class),
            rs.getString("severity") == null ? null : new Review(rs.getString("root_cause_category"), rs.getString("severity"),
                    rs.getString("impact_scope"), rs.getString("preventive_actions")),
            rs.getString("reviewed_by"), rs.getObject("closed_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    public MassIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an incident; refused when its category already has an open one. */
    public Incident declare(IncidentDeclaration d, String declaredBy, OffsetDateTime at) {
        openIn(d.category()).ifPresent(open -> {
            throw taken(open);
        });
        var key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                var s = connection.prepareStatement("INSERT INTO mass_incident (title, category, open_category, affected_since, "
                        + "spike_id, status, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"id"});
                s.setString(1, d.title());
                s.setString(2, d.category());
                s.setString(3, d.category());
                s.setObject(4, d.affectedSince());
                s.setObject(5, d.spikeId());
                s.setString(6, declaredBy);
                s.setObject(7, at);
                return s;
            }, key);
        } catch (DuplicateKeyException race) {
            // another supervisor's declaration for the category committed first (PostgreSQL allows no further query here)
            throw new CategoryTaken("an incident was declared for " + d.category() + " a moment ago; link the complaints there");
        }
        return get(key.getKey().longValue());
    }

    static CategoryTaken taken(Incident open) {
        return new CategoryTaken(open.number() + " (" + open.title() + ") is already open for " + open.category()
                + "; link the complaints there");
    }

    public Incident get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("There is no incident " + Incident.number(id)));
    }

    public Optional<Incident> find(long id) {
        return jdbc.query("SELECT * FROM mass_incident WHERE id = ?", INCIDENT, id).stream().findFirst();
    }

    public Optional<Incident> openIn(String category) {
        return category == null ? Optional.empty()
                : jdbc.query("SELECT * FROM mass_incident WHERE open_category = ?", INCIDENT, category).stream().findFirst();
    }

    /**
     * The open incident of the category, locked until the caller's transaction ends: a complaint joining at intake and
     * the incident's fix take turns, so no complaint joins after the fix has listed the complaints to tell.
     */
    public Optional<Incident> lockOpenIn(String category) {
        return category == null ? Optional.empty()
                : jdbc.query("SELECT * FROM mass_incident WHERE open_category = ? FOR UPDATE", INCIDENT, category).stream().findFirst();
    }

    /** "INC-17" → 17; anything else → empty. */
    public static Optional<Long> idOf(String number) {
        return number != null && number.matches("INC-\\d{1,18}") ? Optional.of(Long.parseLong(number.substring(4))) : Optional.empty();
    }

    public Map<Long, Integer> complaintCounts(List<Long> incidentIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT incident_id, COUNT(*) FROM mass_incident_complaint WHERE incident_id IN ("
                        + String.join(", ", Collections.nCopies(incidentIds.size(), "?")) + ") GROUP BY incident_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }, incidentIds.toArray());
        return counts;
    }

    public List<Incident> latest(int limit) {
        return jdbc.query("SELECT * FROM mass_incident ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", INCIDENT);
    }

    /** Whether the complaint joins the incident now (false: it had joined already). */
    public boolean addComplaint(long incidentId, long complaintId, String linkedBy, OffsetDateTime at) {
        if (holds(incidentId, complaintId)) {
            return false;
        }
        jdbc.update("INSERT INTO mass_incident_complaint (incident_id, complaint_id, linked_at, linked_by) VALUES (?, ?, ?, ?)",
                incidentId, complaintId, at, linkedBy);
        return true;
    }

    public boolean holds(long incidentId, long complaintId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident_complaint WHERE incident_id = ? AND complaint_id = ?",
                Integer.class, incidentId, complaintId) > 0;
    }

    /** Whether the complaint has been told of the incident's fix. */
    public boolean told(long incidentId, long complaintId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident_complaint WHERE incident_id = ? AND complaint_id = ? "
                + "AND told_at IS NOT NULL", Integer.class, incidentId, complaintId) > 0;
    }

    /** The incident the complaint waits in for a fix, if any. */
    public Optional<String> waitedInBy(long complaintId) {
        return jdbc.queryForList("SELECT incident_id FROM mass_incident_complaint WHERE complaint_id = ? AND told_at IS NULL",
                Long.class, complaintId).stream().findFirst().map(Incident::number);
    }

    public void removeComplaint(long incidentId, long complaintId) {
        jdbc.update("DELETE FROM mass_incident_complaint WHERE incident_id = ? AND complaint_id = ?", incidentId, complaintId);
    }

    /** Every linked complaint, first received first. */
    public List<Linked> complaints(long incidentId) {
        return complaints(incidentId, "");
    }

    /** The first {@code first} linked complaints received. */
    public List<Linked> complaints(long incidentId, int first) {
        return complaints(incidentId, " FETCH FIRST " + first + " ROWS ONLY");
    }

    private List<Linked> complaints(long incidentId, String limit) {
        return jdbc.query("SELECT c.id, c.ticket_number, c.subject, c.locale, c.status, c.received_at, l.linked_at, l.told_at "
                        + "FROM mass_incident_complaint l JOIN complaint c ON c.id = l.complaint_id WHERE l.incident_id = ? "
                        + "ORDER BY c.received_at, c.id" + limit,
                (rs, i) -> new Linked(rs.getLong("id"), rs.getString("ticket_number"), rs.getString("subject"),
                        rs.getString("locale"), rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("linked_at", OffsetDateTime.class), rs.getObject("told_at", OffsetDateTime.class)),
                incidentId);
    }

    public int linkedCount(long incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident_complaint WHERE incident_id = ?", Integer.class, incidentId);
    }

    /** The complaints still waiting for the fix; the fix is announced to each of them in a job of its own. */
    public List<Long> waitingComplaints(long incidentId) {
        return jdbc.queryForList("SELECT complaint_id FROM mass_incident_complaint WHERE incident_id = ? AND told_at IS NULL "
                + "ORDER BY complaint_id", Long.class, incidentId);
    }

    public void told(long incidentId, long complaintId, OffsetDateTime at) {
        jdbc.update("UPDATE mass_incident_complaint SET told_at = ? WHERE incident_id = ? AND complaint_id = ? AND told_at IS NULL",
                at, incidentId, complaintId);
    }

    /** Records the fix; from now on new complaints of the category are complaints of their own again. */
    public void resolve(long incidentId, Fix fix, String by, OffsetDateTime at) {
        jdbc.update("UPDATE mass_incident SET status = 'RESOLVED', open_category = NULL, cause = ?, solution = ?, cause_zh = ?, "
                        + "solution_zh = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'OPEN'",
                fix.cause(), fix.solution(), fix.causeZh(), fix.solutionZh(), by, at, incidentId);
    }

    public void close(long incidentId, Review review, String by, OffsetDateTime at) {
        jdbc.update("UPDATE mass_incident SET status = 'CLOSED', root_cause_category = ?, severity = ?, impact_scope = ?, "
                        + "preventive_actions = ?, reviewed_by = ?, closed_at = ? WHERE id = ?",
                review.rootCauseCategory(), review.severity(), review.impactScope(), review.preventiveActions(), by, at,
                incidentId);
    }
}
