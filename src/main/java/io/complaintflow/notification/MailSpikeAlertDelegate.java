package io.complaintflow.notification;

import io.complaintflow.engine.SystemAccess;
import io.complaintflow.reporting.CategorySpikes;
import io.complaintflow.reporting.SpikeIds;
import io.complaintflow.sla.SlaText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the supervisors about a spike, in the staff language: the category, the hour against its usual level, the
 * complaints (the first 50) and the investigation task in Tasklist. A failure propagates: the job is retried.
 */
@Component("mailSpikeAlert")
public class MailSpikeAlertDelegate implements JavaDelegate {
    static final int LISTED = 50;

    private final CategorySpikes spikes;
    private final MailTemplates templates;
    private final MultipartMailer sender;
    private final StaffDirectory staff;
    private final NotificationProperties properties;
    private final TaskService taskService;
    private final SlaText text;

    public MailSpikeAlertDelegate(CategorySpikes spikes, MailTemplates templates, MultipartMailer sender, StaffDirectory staff,
                                  NotificationProperties properties, TaskService taskService, SlaText text) {
        this.spikes = spikes;
        this.templates = templates;
        this.sender = sender;
        this.staff = staff;
        this.properties = properties;
        this.taskService = taskService;
        this.text = text;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CategorySpikes.Spike spike = spikes.get(SpikeIds.of(execution));
        List<CategorySpikes.Listed> complaints = spikes.complaints(spike);
        String key = "SPIKE-" + spike.id();
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", key);
        model.put("category", spike.category());
        model.put("lastHour", spike.lastHour());
        model.put("usual", spike.usualPerHour().toPlainString());
        model.put("from", text.moment(spike.windowStart()));
        model.put("to", text.moment(spike.windowEnd()));
        model.put("complaints", complaints.stream().limit(LISTED)
                .map(c -> Map.of("ticket", c.ticketNumber(), "subject", c.subject())).toList());
        model.put("notListed", Math.max(0, complaints.size() - LISTED));
        model.put("taskLinks", SystemAccess.call(() -> taskService.createTaskQuery()
                        .processInstanceId(execution.getProcessInstanceId()).list()).stream()
                .map(task -> properties.getTasklistUrl() + "#/?task=" + task.getId()).toList());
        MailTemplates.Mail mail = templates.render("spikeAlert", properties.getStaffLanguage(), model);
        sender.send(key, staff.membersOf("supervisors"), mail, key);
    }
}
