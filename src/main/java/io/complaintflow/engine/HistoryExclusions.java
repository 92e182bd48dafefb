package io.complaintflow.engine;

import java.util.Set;

/** Process variables Camunda's history must never keep (see {@link LeanVariableHistory}); each capability names its own. */
public interface HistoryExclusions {
    /** Never kept, in any scope: e.g. personal data typed into a start form. */
    default Set<String> anyScope() {
        return Set.of();
    }

    /** Never kept when set on a task: copies shown in task forms. */
    default Set<String> taskLocal() {
        return Set.of();
    }

    /**
     * Process definitions (keys) whose instances leave no history but their incidents: one-job helpers whose
     * outcome the application records itself, e.g. a mail sent.
     */
    default Set<String> processesWithoutHistory() {
        return Set.of();
    }
}
