package io.complaintflow.complaint;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting: the logged-in user, else the task's assignee, else the system. */
@Component
public class Actors {
    private final IdentityService identityService;

    public Actors(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String current() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : Timeline.SYSTEM;
    }

    public String completing(DelegateTask task) {
        String user = current();
        return Timeline.SYSTEM.equals(user) && task.getAssignee() != null ? task.getAssignee() : user;
    }
}
