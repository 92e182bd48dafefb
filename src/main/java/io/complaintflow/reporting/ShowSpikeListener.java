package io.complaintflow.reporting;

import io.complaintflow.sla.SlaText;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** What the investigation form shows (task-local copies): the category, the counts, the hour and its complaints. */
@Component("showSpike")
public class ShowSpikeListener implements TaskListener {
    private final CategorySpikes spikes;
    private final SlaText text;

    public ShowSpikeListener(CategorySpikes spikes, SlaText text) {
        this.spikes = spikes;
        this.text = text;
    }

    @Override
    public void notify(DelegateTask task) {
        CategorySpikes.Spike spike = spikes.get(SpikeIds.of(task.getExecution()));
        task.setVariableLocal("spikeCategory", spike.category());
        task.setVariableLocal("spikeLastHour", String.valueOf(spike.lastHour()));
        task.setVariableLocal("spikeUsual", spike.usualPerHour().toPlainString());
        task.setVariableLocal("spikeWindow", text.moment(spike.windowStart()) + " – " + text.moment(spike.windowEnd()));
        task.setVariableLocal("spikeTickets", spikes.complaints(spike).stream()
                .map(c -> c.ticketNumber() + "  " + text.moment(c.receivedAt()) + "  " + c.subject())
                .collect(Collectors.joining("\n")));
    }
}
