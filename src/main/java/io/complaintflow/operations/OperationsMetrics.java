package io.complaintflow.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters an operator pages on (README "Run in production"). Each node counts what it did; Prometheus sums
 * the nodes. What happens inside a transaction counts once it is committed, so a retried job counts once.
 */
@Component
public class OperationsMetrics {
    private final MeterRegistry registry;

    public OperationsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void complaintReceived(String type, String priority, String channel) {
        afterCommit(counter("complaintflow.complaints.received", "complaints triaged and routed",
                "type", type, "priority", priority, "channel", channel));
    }

    public void slaWarning(String clock) {
        afterCommit(counter("complaintflow.sla.warnings", "SLA warnings sent to the agents", "clock", clock));
    }

    public void slaBreach(String clock) {
        afterCommit(counter("complaintflow.sla.breaches", "SLA deadlines missed", "clock", clock));
    }

    public void escalated(String tier) {
        afterCommit(counter("complaintflow.escalations", "complaints escalated, by the tier they went to", "tier", tier));
    }

    /** A mail handed to the SMTP server: counted at once, the server has it whatever the job's transaction does. */
    public void mailSent(String kind) {
        counter("complaintflow.mails.sent", "mails accepted by the SMTP server", "kind", kind).increment();
    }

    public void mailFailed(String kind) {
        counter("complaintflow.mails.failed", "mails the SMTP server did not take (the job retries)", "kind", kind).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        for (int i = 1; i < tags.length; i += 2) {
            tags[i] = tags[i] == null || tags[i].isBlank() ? "none" : tags[i];
        }
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
