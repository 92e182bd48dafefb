package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.sla.SlaStatus;
import io.complaintflow.sla.SlaStatusView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What a staff mail says about one complaint: the notice, the ticket, its tier, SLA lines and links to its open tasks. */
@Component
public class StaffNoticeModel {
    private final SlaStatusView sla;
    private final NotificationProperties properties;

    public StaffNoticeModel(SlaStatusView sla, NotificationProperties properties) {
        this.sla = sla;
        this.properties = properties;
    }

    public Map<String, Object> of(StaffNotice notice, String language, Complaint c, List<Task> open) {
        SlaStatus status = sla.of(c.id());
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", c.ticketNumber());
        model.put("headline", notice.headline(language));
        model.put("type", c.type());
        model.put("priority", c.priority());
        model.put("segment", c.customer().segment());
        model.put("tier", status.tier());
        model.put("escalations", status.escalationCount());
        model.put("responseSla", sla.summary(status.response()));
        model.put("resolutionSla", sla.summary(status.resolution()));
        model.put("tasks", open.stream().map(t -> Map.of("name", t.getName(),
                "link", properties.getTasklistUrl() + "#/?task=" + t.getId())).toList());
        return model;
    }
}
