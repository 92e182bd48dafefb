package io.complaintflow.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
public class UnsafeProductionSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
        return new FailureAnalysis("ComplaintFlow's prod profile refuses to start:\n  - " + String.join("\n  - ", cause.problems()),
                "Set the named environment variables (README \"Run in production\") and start again.", cause);
    }
}
