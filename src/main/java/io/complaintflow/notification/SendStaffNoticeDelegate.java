package io.complaintflow.notification;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Tier;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.operations.OperationsMetrics;
import io.complaintflow.sla.OpenTasks;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Mails an SLA warning to whoever holds the complaint's task (or its queue), with a link to the task in Tasklist.
 * Once per notice key, however often the job runs. (Breaches and escalations go to the supervisors' digest.)
 */
@Component("sendStaffNotice")
public class SendStaffNoticeDelegate implements JavaDelegate {
    private final ComplaintRepository complaints;
    private final StaffNoticeModel noticeModel;
    private final OpenTasks tasks;
    private final StaffDirectory directory;
    private final SentMessages sent;
    private final MultipartMailer sender;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Timeline timeline;
    private final OperationsMetrics metrics;

    public SendStaffNoticeDelegate(ComplaintRepository complaints, StaffNoticeModel noticeModel, OpenTasks tasks,
                                   StaffDirectory directory, SentMessages sent, MultipartMailer sender,
                                   MailTemplates templates, NotificationProperties properties, Timeline timeline,
                                   OperationsMetrics metrics) {
        this.complaints = complaints;
        this.noticeModel = noticeModel;
        this.tasks = tasks;
        this.directory = directory;
        this.sent = sent;
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.timeline = timeline;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Vars.complaintId(execution);
        StaffNotice notice = StaffNotice.valueOf(Vars.text(execution, "notice"));
        String key = Vars.text(execution, "noticeKey");
        String complaintProcess = Vars.text(execution, "complaintProcessId");
        List<Task> open = tasks.of(complaintProcess);
        send(notice, key, id, open);
    }

    private void send(StaffNotice notice, String key, long id, List<Task> open) {
        Complaint complaint = complaints.get(id);
        Set<String> holders = directory.holdersOf(open);
        // no task open (e.g. a question to the customer still waiting to go out): the tier's queue is told
        Set<String> recipients = holders.isEmpty() ? directory.membersOf(Tier.of(complaint.tier()).group()) : holders;
        String language = properties.getStaffLanguage();
        MailTemplates.Mail mail = templates.render("slaWarning", language, noticeModel.of(notice, language, complaint, open));
        sent.once(key, id, () -> sender.send(complaint.ticketNumber(), recipients, mail, key), () -> {
            timeline.record(id, Timeline.SYSTEM, EventKind.SLA_WARNING, notice.headline() + "; told " + recipients.size() + " agent(s)");
            metrics.slaWarning(notice == StaffNotice.RESPONSE_WARNING ? "response" : "resolution");
        });
    }
}
