package io.complaintflow.complaint;

import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every decision table a complaint's lifecycle uses is pinned when the complaint starts: the newest version of
 * each table its model names is recorded as a process variable ({@code tableVersion.<key>}), and each business rule
 * task evaluates that version ({@code camunda:decisionRefBinding="version"},
 * {@code camunda:decisionRefVersion="${decisionVersions.pinned(execution, 'key')}"}). A table deployed later
 * applies to complaints started later. A complaint started before pinning existed gets the newest version.
 */
@Component("decisionVersions")
public class DecisionVersions {
    static final String PREFIX = "tableVersion.";

    private final RepositoryService repository;

    public DecisionVersions(@Lazy RepositoryService repository) {
        this.repository = repository;
    }

    /** Pins the newest version of every table the complaint's model names. */
    public void pinAll(DelegateExecution execution) {
        for (BusinessRuleTask task : execution.getBpmnModelInstance().getModelElementsByType(BusinessRuleTask.class)) {
            String key = task.getCamundaDecisionRef();
            if (key != null && !key.contains("${") && !execution.hasVariable(PREFIX + key)) {
                execution.setVariable(PREFIX + key, newest(key));
            }
        }
    }

    public int pinned(DelegateExecution execution, String key) {
        Object version = execution.getVariable(PREFIX + key);
        return version instanceof Integer pinned ? pinned : newest(key);
    }

    private int newest(String key) {
        DecisionDefinition newest = SystemAccess.call(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().withoutTenantId().singleResult());
        if (newest == null) {
            throw new IllegalStateException("No decision table " + key + " is deployed");
        }
        return newest.getVersion();
    }
}
