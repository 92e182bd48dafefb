package io.complaintflow.complaint;

import java.util.Arrays;

/** The support tiers in escalation order; each works the tasks of its own group. */
public enum Tier {
    L1("agents-l1"), L2("agents-l2"), L3("agents-l3"), SUPERVISOR("supervisors");

    private final String group;

    Tier(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Tier of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown tier " + name));
    }
}
