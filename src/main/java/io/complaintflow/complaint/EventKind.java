package io.complaintflow.complaint;

/** What a timeline entry records. */
public final class EventKind {
    public static final String RECEIVED = "RECEIVED";
    public static final String TRIAGED = "TRIAGED";
    /** A customer mail queued by the lifecycle; it is waiting to go out until its MAIL_SENT follows. */
    public static final String MAIL_QUEUED = "MAIL_QUEUED";
    public static final String MAIL_SENT = "MAIL_SENT";
    /** The detail of MAIL_QUEUED / MAIL_SENT for a new portal link a customer asked for: outside the lifecycle. */
    public static final String PORTAL_LINK_MAIL = "portalLink";
    /** A queued customer mail that was not sent because the complaint stopped waiting for it (e.g. escalated). */
    public static final String MAIL_WITHDRAWN = "MAIL_WITHDRAWN";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String NOT_A_PROBLEM = "NOT_A_PROBLEM";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String INFORMATION_REQUESTED = "INFORMATION_REQUESTED";
    public static final String CUSTOMER_REPLIED = "CUSTOMER_REPLIED";
    public static final String SOLUTION_DECIDED = "SOLUTION_DECIDED";
    public static final String SOLUTION_APPROVED = "SOLUTION_APPROVED";
    public static final String SOLUTION_SENT_BACK = "SOLUTION_SENT_BACK";
    public static final String IMPLEMENTED = "IMPLEMENTED";
    public static final String CANNOT_RESOLVE = "CANNOT_RESOLVE";
    public static final String ESCALATED = "ESCALATED";
    public static final String COMPENSATION_APPROVED = "COMPENSATION_APPROVED";
    public static final String COMPENSATION_DECLINED = "COMPENSATION_DECLINED";
    public static final String COMPENSATION_ISSUED = "COMPENSATION_ISSUED";
    public static final String EVALUATED = "EVALUATED";
    public static final String SURVEY_ANSWERED = "SURVEY_ANSWERED";
    public static final String REOPEN_REVIEWED = "REOPEN_REVIEWED";
    public static final String REOPENED = "REOPENED";
    /** The complaint joined a mass incident: it waits for the incident's fix, its resolution clock paused. */
    public static final String INCIDENT_LINKED = "INCIDENT_LINKED";
    /** A supervisor took the complaint out of a mass incident: back to a tier, its resolution clock running on. */
    public static final String INCIDENT_UNLINKED = "INCIDENT_UNLINKED";
    public static final String INCIDENT_REVIEW_WRITTEN = "INCIDENT_REVIEW_WRITTEN";
    public static final String CLOSED = "CLOSED";
    public static final String SLA_WARNING = "SLA_WARNING";
    public static final String SLA_BREACHED = "SLA_BREACHED";
    public static final String HANDED_TO_SUPERVISORS = "HANDED_TO_SUPERVISORS";
    public static final String SLA_PAUSED = "SLA_PAUSED";
    public static final String SLA_RESUMED = "SLA_RESUMED";
    public static final String STAFF_NOTIFIED = "STAFF_NOTIFIED";
    /** A step a process owner added, with no recorder of its own: done, by whom. */
    public static final String STEP_DONE = "STEP_DONE";

    private EventKind() {
    }
}
