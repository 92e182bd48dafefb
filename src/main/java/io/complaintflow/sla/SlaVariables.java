package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The moments the BPMN timers and task due dates read, copied from our table into process variables. */
public final class SlaVariables {
    private SlaVariables() {
    }

    public static void setAll(VariableScope process, Deadlines d) {
        process.setVariable(Vars.RESPONSE_DUE, date(d.responseDue()));
        process.setVariable(Vars.RESPONSE_WARN_AT, date(d.responseWarnAt()));
        process.setVariable(Vars.RESPONSE_HAND_OVER_AT, date(d.responseHandOverAt()));
        process.setVariable(Vars.RESOLUTION_DUE, date(d.resolutionDue()));
        process.setVariable(Vars.RESOLUTION_WARN_AT, date(d.resolutionWarnAt()));
    }

    public static void setResolution(VariableScope process, SlaClocks.ResolutionDeadline deadline) {
        process.setVariable(Vars.RESOLUTION_DUE, date(deadline.due()));
        process.setVariable(Vars.RESOLUTION_WARN_AT, date(deadline.warnAt()));
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
