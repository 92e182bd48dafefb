package io.complaintflow.resolution;

import io.complaintflow.complaint.Vars;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Tells the process which tier works the case: its tasks go to that tier's group. */
@Service
public class TierRouting {

    public void route(VariableScope process, Tier tier) {
        process.setVariable(Vars.TIER, tier.name());
        process.setVariable(Vars.CANDIDATE_GROUP, tier.group());
    }
}
