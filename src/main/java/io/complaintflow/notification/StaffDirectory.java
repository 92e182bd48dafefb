package io.complaintflow.notification;

import io.complaintflow.engine.SystemAccess;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Staff mail addresses, from the Camunda users (Admin): a group's members, or whoever a task is for. */
@Component
public class StaffDirectory {
    private final IdentityService identity;
    private final TaskService taskService;

    public StaffDirectory(IdentityService identity, TaskService taskService) {
        this.identity = identity;
        this.taskService = taskService;
    }

    public Set<String> membersOf(String group) {
        return SystemAccess.call(() -> emails(identity.createUserQuery().memberOfGroup(group).list()));
    }

    /** The assignee of each task, or the members of its candidate groups when nobody has claimed it. */
    public Set<String> holdersOf(List<Task> tasks) {
        Set<String> emails = new LinkedHashSet<>();
        for (Task task : tasks) {
            if (task.getAssignee() != null) {
                emails.addAll(SystemAccess.call(() -> emails(identity.createUserQuery().userId(task.getAssignee()).list())));
                continue;
            }
            for (IdentityLink link : SystemAccess.call(() -> taskService.getIdentityLinksForTask(task.getId()))) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    emails.addAll(membersOf(link.getGroupId()));
                }
            }
        }
        return emails;
    }

    private static Set<String> emails(List<User> users) {
        Set<String> emails = new LinkedHashSet<>();
        users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(emails::add);
        return emails;
    }
}
