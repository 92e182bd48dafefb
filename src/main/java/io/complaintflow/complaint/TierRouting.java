package io.complaintflow.complaint;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Tells the process which tier works the case: its tasks go to that tier's group. */
public final class TierRouting {
    private TierRouting() {
    }

    public static void route(VariableScope process, Tier tier) {
        process.setVariable(Vars.TIER, tier.name());
        process.setVariable(Vars.CANDIDATE_GROUP, tier.group());
    }
}
