package io.complaintflow.sla;

import io.complaintflow.complaint.Vars;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The SLA moments as process variables, for lifecycle versions deployed before December 2026 only (an instance still
 * running on one, or an old model deployed again): their timers and due dates read `${resolutionDue}` and the like.
 * Newer versions read {@link SlaMoments} and get no copies.
 */
public final class SlaVariables {
    private static final Pattern A_COPY_READ = Pattern.compile(
            "(?<![.\\w])(responseDue|responseWarnAt|responseHandOverAt|resolutionDue|resolutionWarnAt)(?![\\w(])");
    private static final Map<String, Boolean> READS_COPIES = new ConcurrentHashMap<>();

    private SlaVariables() {
    }

    /** At intake: the copies, if the instance's model reads them. */
    public static void setAll(DelegateExecution process, Deadlines d) {
        if (!READS_COPIES.computeIfAbsent(process.getProcessDefinitionId(), id -> readsCopies(process.getBpmnModelInstance()))) {
            return;
        }
        process.setVariable(Vars.RESPONSE_DUE, date(d.responseDue()));
        process.setVariable(Vars.RESPONSE_WARN_AT, date(d.responseWarnAt()));
        process.setVariable(Vars.RESPONSE_HAND_OVER_AT, date(d.responseHandOverAt()));
        process.setVariable(Vars.RESOLUTION_DUE, date(d.resolutionDue()));
        process.setVariable(Vars.RESOLUTION_WARN_AT, date(d.resolutionWarnAt()));
    }

    static boolean readsCopies(BpmnModelInstance model) {
        return model.getModelElementsByType(TimeDate.class).stream().anyMatch(t -> A_COPY_READ.matcher(t.getTextContent()).find())
                || model.getModelElementsByType(UserTask.class).stream()
                .anyMatch(t -> t.getCamundaDueDate() != null && A_COPY_READ.matcher(t.getCamundaDueDate()).find());
    }

    /** A renewed or resumed resolution deadline, for an instance that has the copies; nothing for one that has none. */
    public static void setResolution(VariableScope process, SlaClocks.ResolutionDeadline deadline) {
        if (!process.hasVariable(Vars.RESOLUTION_DUE)) {
            return;
        }
        process.setVariable(Vars.RESOLUTION_DUE, date(deadline.due()));
        process.setVariable(Vars.RESOLUTION_WARN_AT, date(deadline.warnAt()));
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
