package io.complaintflow.complaint;

import io.complaintflow.engine.HistoryExclusions;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The complaint's personal data and the task forms' display copies stay out of Camunda's history. */
@Component
class UnhistoricVariables implements HistoryExclusions {
    @Override
    public Set<String> anyScope() {
        return PersonalData.VARIABLES;
    }

    @Override
    public Set<String> taskLocal() {
        return TaskDisplay.NAMES;
    }
}
