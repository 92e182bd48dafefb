package io.complaintflow.reporting;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The spike an investigation is about: its process variable {@code spikeId}. */
public final class SpikeIds {
    static final String VARIABLE = "spikeId";

    private SpikeIds() {
    }

    public static long of(VariableScope scope) {
        return ((Number) scope.getVariable(VARIABLE)).longValue();
    }
}
