package io.complaintflow.reporting;

import io.complaintflow.engine.TaskFormValues;
import io.complaintflow.sla.SlaText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What the investigation form shows: the category, the counts, the hour and its complaints, read from the spike when
 * the form opens. A mass outage lists up to {@value CategorySpikes#LISTED_COMPLAINTS} complaints, more text than a
 * process variable holds (4,000 characters), so nothing is copied onto the task.
 */
@Component
class SpikeOnTaskForms implements TaskFormValues {
    private final CategorySpikes spikes;
    private final SlaText text;

    SpikeOnTaskForms(CategorySpikes spikes, SlaText text) {
        this.spikes = spikes;
        this.text = text;
    }

    @Override
    public Set<String> reads() {
        return Set.of(SpikeIds.VARIABLE);
    }

    @Override
    public Map<String, String> of(VariableMap variables) {
        if (!(variables.get(SpikeIds.VARIABLE) instanceof Number id)) {
            return Map.of();
        }
        CategorySpikes.Spike spike = spikes.get(id.longValue());
        List<CategorySpikes.Listed> listed = spikes.complaints(spike);
        return Map.of(
                "spikeCategory", spike.category(),
                "spikeLastHour", String.valueOf(spike.lastHour()),
                "spikeUsual", spike.usualPerHour().toPlainString(),
                "spikeWindow", text.moment(spike.windowStart()) + " – " + text.moment(spike.windowEnd()),
                "spikeTickets", listed.stream()
                        .map(c -> text.complaintLine(c.ticketNumber(), c.receivedAt(), c.subject()))
                        .collect(Collectors.joining("\n")) + SlaText.notListed(spike.lastHour() - listed.size()));
    }

    /** Named by spike-investigation versions deployed before December 2026, which copied these onto the task. */
    @Bean
    static TaskListener showSpike() {
        return task -> { };
    }
}
