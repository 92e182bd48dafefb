package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.TaskFormValues;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/** The "Response SLA" and "Resolution SLA" lines of a complaint's task forms, as the clocks stand when the form opens. */
@Component
class SlaOnTaskForms implements TaskFormValues {
    private final SlaStatusView status;

    SlaOnTaskForms(SlaStatusView status) {
        this.status = status;
    }

    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of(Vars.COMPLAINT_ID);
    }

    @Override
    public Map<String, String> of(VariableMap variables) {
        return variables.get(Vars.COMPLAINT_ID) instanceof Number id ? status.formLines(id.longValue()) : Map.of();
    }
}
