package io.complaintflow.complaint;

import java.util.Arrays;
import java.util.Locale;

/** How urgent a complaint is, as the triage table says ("urgent", "important", "general"). */
public enum Priority {
    URGENT, IMPORTANT, GENERAL;

    /** The value the triage table and the database use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority of(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The triage table answered an unknown priority " + key));
    }
}
