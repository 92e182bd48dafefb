package io.complaintflow.sla;

import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The deployed versions of processes/sla-policy.dmn. */
@Component
public class SlaTable {
    public static final String KEY = "sla-policy";

    private final RepositoryService repositoryService;
    private final DecisionService decisionService;

    public SlaTable(RepositoryService repositoryService, DecisionService decisionService) {
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
    }

    /** A version of the table: the one pinned when a complaint started (DecisionVersions) is the one it evaluated. */
    public DecisionDefinition version(int version) {
        return SystemAccess.call(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(KEY).decisionDefinitionVersion(version).withoutTenantId().singleResult());
    }

    /** Asks the very version that set a complaint's deadlines, so a redeployed table never changes running cases. */
    public SlaTerms escalationRow(String decisionId, SlaRecord r, int escalationLevel) {
        var result = SystemAccess.call(() -> decisionService.evaluateDecisionById(decisionId)
                .variables(Variables.createVariables()
                        .putValue("type", r.type())
                        .putValue("priority", r.priority())
                        .putValue("segment", r.segment())
                        .putValue("escalationLevel", escalationLevel))
                .evaluate());
        if (result.isEmpty()) {
            throw new IllegalStateException("The SLA table (" + decisionId + ") has no row for " + r.type() + ", "
                    + r.priority() + ", " + r.segment() + " at escalation level " + escalationLevel);
        }
        return SlaTerms.of(result.getSingleResult().getEntryMap());
    }
}
