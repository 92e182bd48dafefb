package io.complaintflow.resolution;

import io.complaintflow.complaint.Tier;
import java.util.Arrays;
import java.util.List;

/** The tiers a case climbs, as the SLA table lists them, e.g. "L1,L2,L3,SUPERVISOR" or "L1,L3,SUPERVISOR". */
public record EscalationChain(List<Tier> tiers) {

    public static EscalationChain parse(String text) {
        if (text == null || text.isBlank()) {
            return new EscalationChain(List.of(Tier.values()));
        }
        return new EscalationChain(Arrays.stream(text.split(",")).map(String::trim).map(Tier::of).toList());
    }

    /** The first tier of the chain above the current one; supervisors are always the last stop. */
    public Tier after(Tier current) {
        return tiers.stream().filter(t -> t.ordinal() > current.ordinal()).findFirst().orElse(Tier.SUPERVISOR);
    }
}
