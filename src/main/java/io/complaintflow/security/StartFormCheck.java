package io.complaintflow.security;

import java.util.Map;

/**
 * A capability's own check of what a person typed into a process's start form, run before the process starts,
 * so that a refusal is a 400 naming the form field and nothing is saved. Throws
 * {@link org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException}.
 */
public interface StartFormCheck {
    String processKey();

    void check(Map<String, Object> variables);
}
