package io.complaintflow.operations;

import java.util.List;

/** The prod profile refuses to start: each problem names the setting (environment variable) to fix. */
public class UnsafeProductionSettings extends RuntimeException {
    private final List<String> problems;

    public UnsafeProductionSettings(List<String> problems) {
        super("Unsafe production settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
