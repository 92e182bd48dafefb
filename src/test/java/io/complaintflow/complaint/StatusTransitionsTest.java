package io.complaintflow.complaint;

import static io.complaintflow.complaint.ComplaintStatus.CLOSED;
import static io.complaintflow.complaint.ComplaintStatus.IN_PROGRESS;
import static io.complaintflow.complaint.ComplaintStatus.RECEIVED;
import static io.complaintflow.complaint.ComplaintStatus.REOPENED;
import static io.complaintflow.complaint.ComplaintStatus.RESOLVED;
import static io.complaintflow.complaint.ComplaintStatus.WAITING_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.ComplaintFlowTestBase;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A complaint's status moves only along the lifecycle's transitions; anything else is refused and changes nothing. */
class StatusTransitionsTest extends ComplaintFlowTestBase {

    @Test
    void theTransitionsAreTheLifecycles() {
        assertThat(Map.of(
                RECEIVED, RECEIVED.reachableFrom(),
                WAITING_FOR_CUSTOMER, WAITING_FOR_CUSTOMER.reachableFrom(),
                IN_PROGRESS, IN_PROGRESS.reachableFrom(),
                RESOLVED, RESOLVED.reachableFrom(),
                REOPENED, REOPENED.reachableFrom(),
                CLOSED, CLOSED.reachableFrom())).isEqualTo(Map.of(
                RECEIVED, EnumSet.noneOf(ComplaintStatus.class),
                WAITING_FOR_CUSTOMER, EnumSet.of(RECEIVED, IN_PROGRESS),
                IN_PROGRESS, EnumSet.of(RECEIVED, WAITING_FOR_CUSTOMER, IN_PROGRESS),
                RESOLVED, EnumSet.of(IN_PROGRESS, REOPENED),
                REOPENED, EnumSet.of(RESOLVED),
                CLOSED, EnumSet.of(RECEIVED, WAITING_FOR_CUSTOMER, IN_PROGRESS, RESOLVED, REOPENED)));
    }

    @Test
    void aComplaintNobodyConfirmedCannotBeResolvedOrReopened() {
        Complaint c = submit("problem", "usage", "standard");
        assertThatThrownBy(() -> complaints.updateStatus(c.id(), RESOLVED))
                .isInstanceOf(ComplaintStatus.TransitionRefused.class)
                .hasMessage("Complaint " + c.id() + " cannot become RESOLVED from where it stands (allowed from [IN_PROGRESS, REOPENED])");
        assertThatThrownBy(() -> complaints.reopen(c.id(), "L2", 1)).isInstanceOf(ComplaintStatus.TransitionRefused.class);
        Complaint unchanged = reload(c);
        assertThat(unchanged.status()).isEqualTo("RECEIVED");
        assertThat(unchanged.tier()).isEqualTo("L1");
        assertThat(unchanged.reopenCount()).isZero();
    }

    @Test
    void aClosedComplaintStaysClosed() {
        Complaint c = submit("praise", "praise", "standard");
        executeDueJobs();
        assertThat(reload(c).status()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> complaints.close(c.id(), "resolved", OffsetDateTime.now())).isInstanceOf(ComplaintStatus.TransitionRefused.class);
        assertThatThrownBy(() -> complaints.updateStatus(c.id(), IN_PROGRESS)).isInstanceOf(ComplaintStatus.TransitionRefused.class);
        assertThat(reload(c).outcome()).isEqualTo("thanked");
    }
}
