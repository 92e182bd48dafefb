package io.complaintflow.engine;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Values a task form shows that are not variables of the task: read from the application's own tables each time
 * a form is opened ({@link ShownOnTaskForms}), so nothing is copied onto a task and nothing shown goes stale.
 */
public interface TaskFormValues {
    /** The variables {@link #of} reads: fetched for it even when the caller asked for other names only. */
    Set<String> reads();

    /** By form field key, the values to show beside {@code variables} (what the task sees); empty if none. */
    Map<String, String> of(VariableMap variables);
}
