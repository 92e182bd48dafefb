package io.complaintflow.complaint;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners named by lifecycle versions deployed before December 2026, which copied the complaint and its SLA
 * lines onto each new task. Forms now read them when they open ({@link ComplaintOnTaskForms}); these do nothing,
 * so instances still running on those versions create their tasks as before.
 */
@Configuration
class RetiredTaskListeners {
    @Bean
    TaskListener showComplaintDetails() {
        return task -> { };
    }

    @Bean
    TaskListener showSla() {
        return task -> { };
    }
}
