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

    /** Camunda keeps a string variable in a 4000-character column; the full text stays on the complaint. */
    static final int MAX_LENGTH = 4000;
    private static final String CUT = "\n[… cut here: the full text is on the complaint]";

    private TaskDisplay() {
    }

    /** The start of a text that may be longer than a task variable holds. */
    static String head(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_LENGTH - CUT.length()) + CUT;
    }

    /** The newest part of a text that grows at its end (the timeline). */
    static String tail(String text, int room) {
        if (text.length() <= room) {
            return text;
        }
        String cut = "[… older entries cut]\n";
        return cut + text.substring(text.length() - (room - cut.length()));
    }
}
