package io.complaintflow.notification;

import io.complaintflow.engine.HistoryExclusions;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A mail's own process instance (customer message, staff notice) leaves no history but its incidents: whether it
 * went out is on the complaint's timeline and in sent_message, and a failure is an incident in Cockpit.
 */
@Component
class MailHistory implements HistoryExclusions {
    @Override
    public Set<String> processesWithoutHistory() {
        return Set.of(CustomerMessageQueue.PROCESS, NotifyStaffDelegate.PROCESS);
    }
}
