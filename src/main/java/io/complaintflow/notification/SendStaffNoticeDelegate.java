package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.security.Groups;
import io.complaintflow.sla.OpenTasks;
import io.complaintflow.sla.SlaStatus;
import io.complaintflow.sla.SlaStatusView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a staff notice: warnings to whoever holds the complaint's task (or its queue), breaches and escalations
 * to the supervisors, with a link to the task in Tasklist. Once per notice key, however often the job runs.
 */
@Component("sendStaffNotice")
public class SendStaffNoticeDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final SlaStatusView sla;
    private final OpenTasks tasks;
    private final StaffDirectory directory;
    private final SentMessages sent;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final Timeline timeline;

    public SendStaffNoticeDelegate(ComplaintRepository complaints, SlaStatusView sla, OpenTasks tasks,
                                   StaffDirectory directory, SentMessages sent, JavaMailSender mailSender,
                                   NotificationProperties properties, Timeline timeline) {
        this.complaints = complaints;
        this.sla = sla;
        this.tasks = tasks;
        this.directory = directory;
        this.sent = sent;
        this.mailSender = mailSender;
        this.properties = properties;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        StaffNotice notice = StaffNotice.valueOf(Vars.text(execution, "notice"));
        String key = Vars.text(execution, "noticeKey");
        String complaintProcess = Vars.text(execution, "complaintProcessId");
        if (!sent.wasSent(key)) {
            send(notice, key, id, tasks.of(complaintProcess));
        }
        // the forms' SLA lines now say WARNING or BREACHED
        tasks.showSla(complaintProcess, id);
    }

    private void send(StaffNotice notice, String key, long id, List<Task> open) {
        Set<String> recipients = notice.forSupervisors() ? directory.membersOf(Groups.SUPERVISORS) : directory.holdersOf(open);
        Complaint complaint = complaints.get(id);
        String subject = "[%s] %s".formatted(complaint.ticketNumber(), notice.headline());
        String body = body(complaint, sla.of(id), open);
        sent.once(key, id, () -> mail(recipients, subject, body), () -> timeline.record(id, Timeline.SYSTEM,
                notice.isWarning() ? EventKind.SLA_WARNING : EventKind.STAFF_NOTIFIED,
                notice.headline() + "; told " + recipients.size() + (notice.forSupervisors() ? " supervisor(s)" : " agent(s)")));
    }

    private String body(Complaint c, SlaStatus status, List<Task> open) {
        StringBuilder text = new StringBuilder()
                .append("Ticket:     ").append(c.ticketNumber()).append('\n')
                .append("Type:       ").append(c.type()).append(", ").append(c.priority()).append(", ")
                .append(c.customer().segment()).append('\n')
                .append("Tier:       ").append(status.tier()).append(" (escalations so far: ")
                .append(status.escalationCount()).append(")\n")
                .append("Response:   ").append(sla.summary(status.response())).append('\n')
                .append("Resolution: ").append(sla.summary(status.resolution())).append('\n');
        for (Task task : open) {
            text.append("\nOpen task \"").append(task.getName()).append("\": ").append(properties.getTasklistUrl())
                    .append("#/?task=").append(task.getId());
        }
        return text.append('\n').toString();
    }

    private void mail(Set<String> recipients, String subject, String body) {
        if (recipients.isEmpty()) {
            return;
        }
        mailSender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getFrom());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(body, false);
        });
    }
}
