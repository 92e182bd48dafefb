package io.complaintflow.engine;

import java.util.Set;

/** What Camunda's history must never keep beyond what {@link LeanVariableHistory} leaves out anyway; each capability names its own. */
public interface HistoryExclusions {
    /**
     * Process definitions (keys) whose instances leave no history but their incidents: one-job helpers whose
     * outcome the application records itself, e.g. a mail sent.
     */
    Set<String> processesWithoutHistory();
}
