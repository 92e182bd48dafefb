package io.complaintflow.sla;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The moments the lifecycle's SLA timers and task due dates are set to, read from the complaint's row when a timer
 * is armed or a task made (`${slaMoments.responseDue(complaintId)}`): the table is the only copy, so a deadline
 * moved by an escalation, a pause or a resumption is the one the next timer takes.
 */
@Component("slaMoments")
public class SlaMoments {
    private final SlaRecords records;

    public SlaMoments(SlaRecords records) {
        this.records = records;
    }

    public Date responseWarnAt(long complaintId) {
        return moment(complaintId, "responseWarnAt", SlaRecord::responseWarnAt);
    }

    public Date responseDue(long complaintId) {
        return moment(complaintId, "responseDue", SlaRecord::responseDue);
    }

    public Date responseHandOverAt(long complaintId) {
        return moment(complaintId, "responseHandOverAt", SlaRecord::responseHandOverAt);
    }

    public Date resolutionWarnAt(long complaintId) {
        return moment(complaintId, "resolutionWarnAt", SlaRecord::resolutionWarnAt);
    }

    public Date resolutionDue(long complaintId) {
        return moment(complaintId, "resolutionDue", SlaRecord::resolutionDue);
    }

    private Date moment(long complaintId, String name, Function<SlaRecord, OffsetDateTime> moment) {
        OffsetDateTime at = moment.apply(records.get(complaintId));
        if (at == null) {
            throw new IllegalStateException("Complaint " + complaintId + " has no " + name + " to arm its SLA timer with");
        }
        return Date.from(at.toInstant());
    }
}
