package io.complaintflow.feedback;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.notification.CustomerMessage;
import io.complaintflow.notification.CustomerMessageQueue;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer who lost their private link (or whose link expired) asks for a new one with ticket number and e-mail
 * address. A mail with a fresh link goes to the complaint's own address only, and only when the address given is
 * that one; at most one per ticket within {@code complaintflow.portal.new-link-interval}, so nobody can flood a
 * customer's inbox. The caller learns nothing either way: the portal answers every request alike.
 */
@Service
public class NewPortalLinks {
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final CustomerMessageQueue queue;
    private final Duration interval;

    public NewPortalLinks(ComplaintRepository complaints, Timeline timeline, CustomerMessageQueue queue,
                          @Value("${complaintflow.portal.new-link-interval:PT10M}") Duration interval) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.queue = queue;
        this.interval = interval;
    }

    /** Whether a mail with a new link was queued (for tests and the log; never told to the caller). */
    @Transactional
    public boolean request(String ticketNumber, String email) {
        Optional<Complaint> match = complaints.findByTicketNumber(ticketNumber).filter(c -> c.customer().email().equalsIgnoreCase(email));
        if (match.isEmpty()) {
            return false;
        }
        Complaint c = match.get();
        // two requests at once: the second waits here, then finds the first one's mail recent (and no shared mail key)
        complaints.lockForUpdate(c.id());
        if (askedRecently(c)) {
            return false;
        }
        queue.queue(c.id(), c.ticketNumber(), CustomerMessage.PORTAL_LINK, null);
        return true;
    }

    private boolean askedRecently(Complaint c) {
        return timeline.latest(c.id(), EventKind.MAIL_QUEUED, CustomerMessage.PORTAL_LINK.key())
                .filter(last -> last.at().isAfter(EngineClock.now().minus(interval)))
                .isPresent();
    }
}
