package io.complaintflow.complaint;

import io.complaintflow.engine.EngineClock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Incident reviews (事故报告) written for serious cases before they close. */
@Repository
public class IncidentReviews {
    public record Review(String rootCauseCategory, String severity, String impactScope, String cause,
                         String preventiveActions) {
    }

    private final JdbcTemplate jdbc;

    public IncidentReviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long complaintId, Review r, String writtenBy) {
        jdbc.update("DELETE FROM incident_review WHERE complaint_id = ?", complaintId);
        jdbc.update("INSERT INTO incident_review (complaint_id, root_cause_category, severity, impact_scope, cause, "
                        + "preventive_actions, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                complaintId, r.rootCauseCategory(), r.severity(), r.impactScope(), r.cause(), r.preventiveActions(),
                writtenBy, EngineClock.now());
    }

    public Optional<Review> of(long complaintId) {
        return jdbc.query("SELECT * FROM incident_review WHERE complaint_id = ?",
                (rs, i) -> new Review(rs.getString("root_cause_category"), rs.getString("severity"),
                        rs.getString("impact_scope"), rs.getString("cause"), rs.getString("preventive_actions")),
                complaintId).stream().findFirst();
    }
}
