package io.complaintflow.engine;

import java.util.Set;

/** Process variables Camunda's history must never keep (see {@link LeanVariableHistory}); each capability names its own. */
public interface HistoryExclusions {
    /** Never kept, in any scope: e.g. personal data typed into a start form. */
    Set<String> anyScope();

    /** Never kept when set on a task: copies shown in task forms. */
    Set<String> taskLocal();
}
