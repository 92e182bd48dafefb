package io.complaintflow.complaint;

import io.complaintflow.web.ApiErrors;

public class ComplaintNotFoundException extends ApiErrors.NotFound {
    public ComplaintNotFoundException(String what) {
        super("No complaint " + what);
    }
}
