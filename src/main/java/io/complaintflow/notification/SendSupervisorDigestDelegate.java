package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.SystemAccess;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.security.Groups;
import io.complaintflow.sla.SlaStatus;
import io.complaintflow.sla.SlaStatusView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the supervisors one digest of every alert that waits: how many of each kind, and the oldest ones in
 * detail with their SLA clocks and links to their tasks in Tasklist. A single alert reads as before, with the
 * ticket in the subject.
 */
@Component("sendSupervisorDigest")
public class SendSupervisorDigestDelegate implements JavaDelegate {
    static final String DIGEST_TAG = "ComplaintFlow";

    private final SupervisorAlerts alerts;
    private final ComplaintRepository complaints;
    private final SlaStatusView sla;
    private final TaskService taskService;
    private final StaffDirectory directory;
    private final MultipartMailer sender;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Timeline timeline;

    public SendSupervisorDigestDelegate(SupervisorAlerts alerts, ComplaintRepository complaints, SlaStatusView sla,
                                        TaskService taskService, StaffDirectory directory, MultipartMailer sender,
                                        MailTemplates templates, NotificationProperties properties, Timeline timeline) {
        this.alerts = alerts;
        this.complaints = complaints;
        this.sla = sla;
        this.taskService = taskService;
        this.directory = directory;
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<SupervisorAlerts.Alert> waiting = alerts.waiting();
        if (waiting.isEmpty()) {
            return;
        }
        Set<String> supervisors = directory.membersOf(Groups.SUPERVISORS);
        String language = properties.getStaffLanguage();
        List<Map<String, Object>> listed = waiting.stream().limit(properties.getDigestListedAlerts())
                .map(alert -> describe(alert, language)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", waiting.size() == 1 ? listed.get(0).get("ticket") : DIGEST_TAG);
        model.put("count", waiting.size());
        model.put("kinds", countsByKind(waiting, language));
        model.put("alerts", listed);
        model.put("notListed", waiting.size() - listed.size());
        MailTemplates.Mail mail = templates.render("supervisorDigest", language, model);
        sender.send(String.valueOf(model.get("ticket")), supervisors, mail);
        String told = "; told " + supervisors.size() + " supervisor(s)" + (waiting.size() > 1 ? " in a digest of " + waiting.size() + " alerts" : "");
        alerts.markNotified(waiting, notified -> timeline.recordEach(notified, SupervisorAlerts.Alert::complaintId, Timeline.SYSTEM,
                EventKind.STAFF_NOTIFIED, alert -> alert.notice().headline() + told));
    }

    private static List<Map<String, Object>> countsByKind(List<SupervisorAlerts.Alert> waiting, String language) {
        Map<StaffNotice, Long> counts = waiting.stream().collect(Collectors.groupingBy(SupervisorAlerts.Alert::notice,
                LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> Map.<String, Object>of("headline", e.getKey().headline(language),
                "count", e.getValue())).toList();
    }

    private Map<String, Object> describe(SupervisorAlerts.Alert alert, String language) {
        Complaint c = complaints.get(alert.complaintId());
        SlaStatus status = sla.of(c.id());
        Map<String, Object> line = new HashMap<>();
        line.put("ticket", c.ticketNumber());
        line.put("headline", alert.notice().headline(language));
        line.put("type", c.type());
        line.put("priority", c.priority());
        line.put("segment", c.customer().segment());
        line.put("tier", status.tier());
        line.put("escalations", status.escalationCount());
        line.put("responseSla", sla.summary(status.response()));
        line.put("resolutionSla", sla.summary(status.resolution()));
        line.put("tasks", SystemAccess.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(c.ticketNumber()).list())
                .stream().map(t -> Map.of("name", t.getName(), "link", properties.getTasklistUrl() + "#/?task=" + t.getId())).toList());
        return line;
    }
}
