package io.complaintflow.complaint;

public class ComplaintNotFoundException extends RuntimeException {
    public ComplaintNotFoundException(String what) {
        super("No complaint " + what);
    }
}
