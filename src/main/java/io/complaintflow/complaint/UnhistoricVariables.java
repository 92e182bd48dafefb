package io.complaintflow.complaint;

import io.complaintflow.engine.HistoryExclusions;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The complaint's personal data stays out of Camunda's history. */
@Component
class UnhistoricVariables implements HistoryExclusions {
    @Override
    public Set<String> anyScope() {
        return PersonalData.VARIABLES;
    }
}
