package io.complaintflow.sla;

import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The moments the lifecycle's SLA timers and task due dates are set to, read from the complaint's row when a timer
 * is armed or a task made (`${slaMoments.responseDue(complaintId)}`): the table is the only copy, so a deadline
 * moved by an escalation, a pause or a resumption is the one the next timer takes.
 */
@Component("slaMoments")
public class SlaMoments {
    private final JdbcTemplate jdbc;

    public SlaMoments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Date responseWarnAt(long complaintId) {
        return moment(complaintId, "first_response_warn_at");
    }

    public Date responseDue(long complaintId) {
        return moment(complaintId, "first_response_due");
    }

    public Date responseHandOverAt(long complaintId) {
        return moment(complaintId, "response_hand_over_at");
    }

    public Date resolutionWarnAt(long complaintId) {
        return moment(complaintId, "resolution_warn_at");
    }

    public Date resolutionDue(long complaintId) {
        return moment(complaintId, "resolution_due");
    }

    private Date moment(long complaintId, String column) {
        OffsetDateTime at = jdbc.queryForObject("SELECT " + column + " FROM complaint WHERE id = ?", OffsetDateTime.class,
                complaintId);
        if (at == null) {
            throw new IllegalStateException("Complaint " + complaintId + " has no " + column + " to arm its SLA timer with");
        }
        return Date.from(at.toInstant());
    }
}
