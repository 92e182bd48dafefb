package io.complaintflow.complaint;

public enum ComplaintStatus {
    RECEIVED, WAITING_FOR_CUSTOMER, IN_PROGRESS, RESOLVED, REOPENED, CLOSED
}
