package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.engine.SystemAccess;
import io.complaintflow.security.Groups;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
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
    private final StaffNoticeModel noticeModel;
    private final TaskService taskService;
    private final StaffDirectory directory;
    private final MultipartMailer sender;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Timeline timeline;

    public SendSupervisorDigestDelegate(SupervisorAlerts alerts, ComplaintRepository complaints, StaffNoticeModel noticeModel,
                                        TaskService taskService, StaffDirectory directory, MultipartMailer sender,
                                        MailTemplates templates, NotificationProperties properties, Timeline timeline) {
        this.alerts = alerts;
        this.complaints = complaints;
        this.noticeModel = noticeModel;
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
        // a single alert keeps its ticket (subject tag, Message-ID), as a per-breach mail had
        String tag = waiting.size() == 1 ? String.valueOf(listed.get(0).get("ticket")) : DIGEST_TAG;
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", tag);
        model.put("count", waiting.size());
        model.put("kinds", countsByKind(waiting, language));
        model.put("alerts", listed);
        model.put("notListed", waiting.size() - listed.size());
        MailTemplates.Mail mail = templates.render("supervisorDigest", language, model);
        // a retry after a crash between the send and the commit repeats this Message-ID, so mail clients show one digest
        sender.send(tag, supervisors, mail, "digest:" + execution.getProcessInstanceId() + ":"
                + waiting.stream().map(alert -> String.valueOf(alert.id())).collect(Collectors.joining(",")));
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
        List<Task> open = SystemAccess.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(c.ticketNumber()).list());
        return noticeModel.of(alert.notice(), language, c, open);
    }
}
