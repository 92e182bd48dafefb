package io.complaintflow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.intake.ComplaintSubmission;
import io.complaintflow.intake.IntakeService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Runs the whole application (demo profile, H2 in memory) with the job executor off: tests execute
 * due jobs themselves and move the engine clock instead of sleeping. Mail goes to a real GreenMail SMTP server.
 */
// process-test-coverage: every test class writes target/process-test-coverage/<class>/report.json (see ModelCoverageIT)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:complaintflow-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "complaintflow.demo.mail-catcher=false",
        // tests poll the feedback mailbox themselves
        "complaintflow.mailbox.enabled=false",
        // tests start the supervisors' digest themselves (executeDueJobs), not on a timer
        "complaintflow.notification.supervisor-digest-every=P1D",
        // tests roll up KPI days themselves (KpiReportTest); a roll-up of another test's seeded days would outlive them
        "complaintflow.reporting.roll-up-every=P1D",
        // the portal's limits count real time across every test of a context; PortalRateLimitTest pins them
        "complaintflow.portal.rate-limit.submissions.requests=1000",
        "complaintflow.portal.rate-limit.lookups.requests=10000",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + ComplaintFlowTestBase.SMTP_PORT,
        // the SLA tests' working calendar: a holiday on Monday 2027-03-01
        "complaintflow.sla.business-hours.holidays=2027-03-01"})
// the Prometheus endpoint as in production (Spring Boot's tests leave metrics export off otherwise)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
public abstract class ComplaintFlowTestBase {
    public static final int SMTP_PORT = 39025;

    @RegisterExtension
    protected static final GreenMailExtension mail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;
    @Autowired protected IntakeService intake;
    @Autowired protected ComplaintRepository complaints;
    @Autowired protected Timeline timeline;
    @Autowired protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired protected io.complaintflow.notification.SupervisorDigests supervisorDigests;

    /** What the task's form shows in the field {@code name}, as Tasklist reads it when it opens the form. */
    protected Object shownOnForm(String taskId, String name) {
        return engine.getFormService().getTaskFormVariables(taskId).get(name);
    }

    @BeforeEach
    void startFromAQuietEngine() throws Exception {
        AbstractAssertions.init(engine);
        // complaints of earlier tests would otherwise send mail or fire timers when this test moves the clock (deleting
        // a process instance deletes the ones it called)
        List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream().map(p -> p.getId()).toList();
        if (!running.isEmpty()) {
            runtimeService.deleteProcessInstances(running, "test isolation", true, true);
        }
        jdbc.update("DELETE FROM supervisor_alert WHERE notified_at IS NULL");
        // the spike watch's timer would fire whenever a test moves the clock; SpikeWatchTest turns it on
        managementService.suspendJobDefinitionByProcessDefinitionKey("spike-watch", true);
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    protected static ComplaintSubmission submission(String type, String category, String segment) {
        return new ComplaintSubmission("web", type, category, "Order page shows an error",
                "When I pay, the page says 500. <script>alert(1)</script>", "en",
                new ComplaintSubmission.Customer("Mei Lin", "mei.lin@example.com", "+86 10 1234 5678", segment));
    }

    protected Complaint submit(String type, String category, String segment) {
        return intake.submit(submission(type, category, segment), null).complaint();
    }

    /** A general problem from a standard customer, acknowledged and confirmed by an L1 agent. */
    protected Complaint confirmedGeneralProblem() {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "confirmed"));
        return c;
    }

    protected ProcessInstance processOf(Complaint complaint) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling")
                .processInstanceBusinessKey(complaint.ticketNumber()).singleResult();
    }

    protected Complaint reload(Complaint complaint) {
        return complaints.get(complaint.id());
    }

    /**
     * Executes every job that is due now (mails, compensation, due timers) until none is left, starting the
     * supervisors' digest when alerts wait, as its schedule would.
     */
    /** Set by a test that takes a dependency down (e.g. the mail server): failing jobs are retried, not thrown. */
    protected boolean jobsMayFail;

    /**
     * What Cockpit's "Retry" does on every incident: one more attempt for each job that has none left. A failed job
     * keeps the due date of its retry cycle, so the attempt runs within five minutes (R3/PT5M).
     */
    protected void retryIncidents() {
        managementService.createJobQuery().noRetriesLeft().list()
                .forEach(job -> managementService.setJobRetries(job.getId(), 1));
        moveClockBy(Duration.ofMinutes(5));
    }

    /** Runs only the complaint's own due jobs (e.g. the hand-over after intake), not those of its mails. */
    protected void runLifecycleJobs(Complaint complaint) {
        managementService.createJobQuery().processInstanceId(processOf(complaint).getId()).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    protected void executeDueJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = managementService.createJobQuery().executable().active().list();
            if (due.isEmpty() && !supervisorDigests.startIfAlertsWait()) {
                return;
            }
            due.forEach(job -> {
                if (managementService.createJobQuery().jobId(job.getId()).count() == 0) {
                    return; // an earlier job of this round ended its scope (e.g. an interrupting timer)
                }
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException failure) {
                    // as the job executor does: the engine has counted the failed attempt; others run on
                    if (!jobsMayFail) {
                        throw failure;
                    }
                }
            });
        }
        throw new AssertionError("Jobs keep coming: a loop in the model?");
    }

    /** Sets the engine clock and runs whatever became due, as the job executor would. */
    protected void moveClockTo(java.time.Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
        executeDueJobs();
    }

    protected void moveClockBy(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        executeDueJobs();
    }

    protected Task task(Complaint complaint, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(complaint.ticketNumber())
                .taskDefinitionKey(taskKey).singleResult();
    }

    /** Claims and completes the open task as the given user would in Tasklist, then runs what became due. */
    protected void complete(Complaint complaint, String taskKey, String user, Map<String, Object> decision) {
        Task task = task(complaint, taskKey);
        if (task == null) {
            throw new AssertionError("No open task " + taskKey + " for " + complaint.ticketNumber()
                    + "; open: " + taskService.createTaskQuery().processInstanceBusinessKey(complaint.ticketNumber())
                    .list().stream().map(Task::getTaskDefinitionKey).toList());
        }
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), decision);
        executeDueJobs();
    }

    protected List<String> mailSubjects() throws Exception {
        return Arrays.stream(mail.getReceivedMessages()).map(ComplaintFlowTestBase::subject).toList();
    }

    /** The mails whose subject contains the text, e.g. a notice's headline. */
    protected List<MimeMessage> mailsAbout(String subjectText) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains(subjectText)).toList();
    }

    /** The plain-text part of a mail (every mail is multipart: plain text and HTML). */
    protected static String textOf(MimeMessage message) {
        return partOf(message, "text/plain");
    }

    protected static String htmlOf(MimeMessage message) {
        return partOf(message, "text/html");
    }

    private static String partOf(jakarta.mail.Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = partOf(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> timelineKinds(Complaint complaint) {
        return timeline.of(complaint.id()).stream().map(Timeline.Event::kind).toList();
    }
}
