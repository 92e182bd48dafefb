package io.complaintflow.complaint;

import java.util.Set;

/**
 * The task-local variables that only show the complaint in a task form. They hold personal data (name,
 * description) and are copies of our own record, so Camunda's history never keeps them.
 */
public final class TaskDisplay {
    public static final Set<String> NAMES = Set.of("ticketNumber", "type", "category", "priority", "tier", "channel",
            "customerName", "subject", "description", "responseDueText", "resolutionDueText", "history",
            "proposedSolution", "proposedRootCause", "surveyComment");

    private TaskDisplay() {
    }
}
