package io.complaintflow.complaint;

import java.util.Set;

/**
 * Variables that carry a customer's personal data (the start form's fields, the task forms' copies). They live
 * in the process only as long as a step needs them; Camunda's history never keeps them (LeanVariableHistory).
 */
public final class PersonalData {
    public static final Set<String> VARIABLES = Set.of("customerName", "customerEmail", "customerPhone", "subject",
            "description");

    private PersonalData() {
    }
}
