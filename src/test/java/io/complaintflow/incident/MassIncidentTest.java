package io.complaintflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.intake.ComplaintSubmission;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mass incidents end to end, on the engine clock: a supervisor declares one in Tasklist's start form (here its REST
 * call), links complaints by category and time window and by ticket, new ones join at intake; every linked complaint
 * waits with its resolution clock paused and its customer told; the fix reaches every customer once, in their own
 * language, and each complaint goes on to follow-up and close; the incident has its own review.
 */
class MassIncidentTest extends ComplaintFlowTestBase {
    /** Tuesday 2028-06-06 10:00 in Shanghai. Standard customers, 24x7: payment problems are resolved within 24 h, usage within 72 h. */
    static final Instant T0 = Instant.parse("2028-06-06T02:00:00Z");
    static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired IncidentFixes fixes;
    TestHttp http;

    @BeforeEach
    void atTenInShanghai() {
        http = new TestHttp(port);
        // an earlier test's open incident would take this test's category
        jdbc.update("UPDATE mass_incident SET open_category = NULL, status = 'CLOSED'");
        moveClockTo(T0);
    }

    private Complaint file(String category, String locale) {
        String email = "customer" + CUSTOMERS.incrementAndGet() + "@example.com";
        return intake.submit(new ComplaintSubmission("web", "problem", category, "Cannot pay for my order",
                "The payment page says 502.", locale,
                new ComplaintSubmission.Customer("Customer " + CUSTOMERS.get(), email, null, "standard")), null).complaint();
    }

    private HttpResponse<String> declare(String user, String title, String category, String since, String tickets) {
        StringBuilder variables = new StringBuilder("{\"variables\":{\"incidentTitle\":{\"value\":\"" + title + "\"}");
        if (category != null) {
            variables.append(",\"incidentCategory\":{\"value\":\"").append(category).append("\"}");
        }
        if (since != null) {
            variables.append(",\"affectedSince\":{\"value\":\"").append(since).append("\"}");
        }
        if (tickets != null) {
            variables.append(",\"incidentTickets\":{\"value\":\"").append(tickets).append("\"}");
        }
        return http.post("/engine-rest/engine/" + engine.getName() + "/process-definition/key/mass-incident/submit-form", user,
                variables.append("}}").toString());
    }

    private long declared(String title, String category, String since, String tickets) {
        HttpResponse<String> started = declare("supervisor", title, category, since, tickets);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        executeDueJobs();
        return jdbc.queryForObject("SELECT id FROM mass_incident WHERE title = ?", Long.class, title);
    }

    private Task incidentTask(long incident, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey("INC-" + incident).taskDefinitionKey(taskKey).singleResult();
    }

    private void asSupervisor(long incident, String taskKey, Map<String, Object> form) {
        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
        try {
            Task task = incidentTask(incident, taskKey);
            taskService.claim(task.getId(), "supervisor");
            taskService.complete(task.getId(), form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        executeDueJobs();
    }

    private Map<String, Object> onForm(Task task) {
        return engine.getFormService().getTaskFormVariables(task.getId());
    }

    /** The task's form as {@code user} opens it; null when refused. */
    private Map<String, Object> formSeenBy(String user, String group, Task task) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return onForm(task);
        } catch (AuthorizationException refused) {
            return null;
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long tasksSeenBy(String user, String group, String taskKey) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return taskService.createTaskQuery().processDefinitionKey("mass-incident").taskDefinitionKey(taskKey).count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> subjectsTo(Complaint c) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (recipients(m).contains(c.customer().email())) {
                try {
                    subjects.add(m.getSubject());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return subjects;
    }

    private MimeMessage mailTo(Complaint c, String subjectText) {
        return mailsAbout(subjectText).stream().filter(m -> recipients(m).contains(c.customer().email())).findFirst().orElseThrow();
    }

    private OffsetDateTime column(Complaint c, String column) {
        OffsetDateTime value = jdbc.queryForObject("SELECT " + column + " FROM complaint WHERE id = ?", OffsetDateTime.class, c.id());
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private List<String> openTasks(Complaint c) {
        return taskService.createTaskQuery().processInstanceBusinessKey(c.ticketNumber()).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private static final Map<String, Object> FIX = Map.of("incidentAction", "resolve",
            "cause", "The payment gateway's certificate expired.", "solution", "We renewed the certificate; payments work again.",
            "causeZh", "支付网关证书过期。", "solutionZh", "已更新证书，支付恢复正常。");

    @Test
    void anIncidentHoldsItsComplaintsWithTheirClocksPausedAndTellsEveryCustomerTheFixOnceInTheirLanguage() throws Exception {
        Complaint before = file("payment", "en"); // received before the incident's window: stays with its tier
        moveClockTo(T0.plusSeconds(20 * 60));
        Complaint english = file("payment", "en");
        Complaint chinese = file("payment", "zh-CN");
        Complaint confirmed = file("payment", "en");
        Complaint named = file("usage", "en"); // another category, linked by its ticket
        Complaint other = file("usage", "zh-CN");
        executeDueJobs();
        complete(confirmed, "ConfirmComplaint", "agent1", Map.of("confirmation", "confirmed"));
        assertThat(openTasks(confirmed)).containsExactly("DecideSolution");

        // 10:30 Shanghai: the supervisor declares the payment outage, for payments since 10:10 and one usage ticket
        moveClockTo(T0.plusSeconds(30 * 60));
        long id = declared("Payment page down", "payment", "2028-06-06 10:10", named.ticketNumber());
        assertThat(jdbc.queryForMap("SELECT title, category, open_category, status, declared_by FROM mass_incident WHERE id = ?", id))
                .containsEntry("TITLE", "Payment page down").containsEntry("CATEGORY", "payment")
                .containsEntry("OPEN_CATEGORY", "payment").containsEntry("STATUS", "OPEN").containsEntry("DECLARED_BY", "supervisor");
        assertThat(jdbc.queryForObject("SELECT affected_since FROM mass_incident WHERE id = ?", OffsetDateTime.class, id)
                .withOffsetSameInstant(ZoneOffset.UTC)).isEqualTo("2028-06-06T02:10:00Z");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("mass-incident").processInstanceBusinessKey("INC-" + id)
                .count()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT c.ticket_number FROM mass_incident_complaint l JOIN complaint c ON c.id = l.complaint_id "
                        + "WHERE l.incident_id = ? ORDER BY c.id", String.class, id))
                .containsExactly(english.ticketNumber(), chinese.ticketNumber(), confirmed.ticketNumber(), named.ticketNumber());

        for (Complaint linked : List.of(english, chinese, confirmed, named)) {
            assertThat(openTasks(linked)).as("no agent works a linked complaint").isEmpty();
            assertThat(timelineKinds(linked)).contains(EventKind.INCIDENT_LINKED, EventKind.SLA_PAUSED);
            assertThat(reload(linked).status()).isEqualTo("IN_PROGRESS");
            assertThat(column(linked, "resolution_paused_at")).isEqualTo("2028-06-06T02:30:00Z");
            Duration resolution = linked == named ? Duration.ofHours(72) : Duration.ofHours(24);
            assertThat(jdbc.queryForObject("SELECT resolution_remaining_seconds FROM complaint WHERE id = ?", Long.class, linked.id()))
                    .as("received 10:20, paused at 10:30").isEqualTo(resolution.minusMinutes(10).toSeconds());
        }
        assertThat(column(english, "first_response_at")).as("the known-incident notice answers the customer").isEqualTo("2028-06-06T02:30:00Z");
        assertThat(column(confirmed, "first_response_at")).as("the agent had answered before").isEqualTo("2028-06-06T02:20:00Z");
        assertThat(openTasks(before)).containsExactly("ConfirmComplaint");
        assertThat(openTasks(other)).containsExactly("ConfirmComplaint");
        assertThat(subjectsTo(english)).containsExactly("[" + english.ticketNumber() + "] We have received your message",
                "[" + english.ticketNumber() + "] A known problem: we are fixing it");
        assertThat(subjectsTo(chinese)).contains("[" + chinese.ticketNumber() + "] 已知问题：我们正在修复");
        assertThat(textOf(mailTo(chinese, "已知问题"))).contains("多位客户反映了同一问题");
        assertThat(subjectsTo(before)).noneMatch(s -> s.contains("known problem"));

        // 10:40: a new payment problem joins at intake, a new usage question does not
        moveClockTo(T0.plusSeconds(40 * 60));
        Complaint joined = file("payment", "zh-CN");
        Complaint unrelated = file("usage", "en");
        executeDueJobs();
        assertThat(openTasks(joined)).isEmpty();
        assertThat(openTasks(unrelated)).containsExactly("ConfirmComplaint");
        assertThat(subjectsTo(joined)).containsExactly("[" + joined.ticketNumber() + "] 我们已收到您的反馈",
                "[" + joined.ticketNumber() + "] 已知问题：我们正在修复");
        assertThat(jdbc.queryForObject("SELECT resolution_remaining_seconds FROM complaint WHERE id = ?", Long.class, joined.id()))
                .isEqualTo(Duration.ofHours(24).toSeconds());

        // the supervisors' task: agents do not see it, managers read it but cannot take it
        Task work = incidentTask(id, "WorkIncident");
        assertThat(taskService.getIdentityLinksForTask(work.getId())).extracting(l -> l.getGroupId()).containsExactly("supervisors");
        assertThat(tasksSeenBy("agent1", "agents-l1", "WorkIncident")).isZero();
        assertThat(tasksSeenBy("manager", "managers", "WorkIncident")).isEqualTo(1);
        assertThat(tasksSeenBy("supervisor", "supervisors", "WorkIncident")).isEqualTo(1);
        engine.getIdentityService().setAuthentication("manager", List.of("managers"));
        assertThatThrownBy(() -> taskService.claim(work.getId(), "manager")).isInstanceOf(AuthorizationException.class);
        engine.getIdentityService().clearAuthentication();
        assertThat(taskService.getVariablesLocal(work.getId())).as("nothing copied onto the task").isEmpty();
        assertThat(formSeenBy("agent1", "agents-l1", work)).as("an agent may not open it").isNull();
        assertThat(formSeenBy("manager", "managers", work)).containsEntry("incidentNumber", "INC-" + id);
        assertThat(onForm(work)).as("read when the form opens: the complaint that joined at intake is counted")
                .containsEntry("incidentNumber", "INC-" + id).containsEntry("incidentTitle", "Payment page down").containsEntry("incidentCategory", "payment")
                .containsEntry("incidentLinked", "5")
                .containsEntry("incidentDeclared", "2028-06-06 10:30 (Asia/Shanghai) · supervisor · since 2028-06-06 10:10 (Asia/Shanghai)");

        // linking one more by ticket; an unknown ticket is refused and changes nothing
        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
        Task current = incidentTask(id, "WorkIncident");
        taskService.claim(current.getId(), "supervisor");
        assertThatThrownBy(() -> taskService.complete(current.getId(), Map.of("incidentAction", "link",
                "moreTickets", unrelated.ticketNumber() + ", CF-1999-000001")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("moreTickets: there is no ticket CF-1999-000001");
        engine.getIdentityService().clearAuthentication();
        assertThat(openTasks(unrelated)).containsExactly("ConfirmComplaint");
        asSupervisor(id, "WorkIncident", Map.of("incidentAction", "link", "moreTickets", unrelated.ticketNumber()));
        assertThat(openTasks(unrelated)).isEmpty();
        Task again = incidentTask(id, "WorkIncident");
        assertThat(onForm(again)).containsEntry("incidentLinked", "6");
        assertThat(onForm(again).get("incidentTickets").toString()).startsWith(english.ticketNumber()
                + "  2028-06-06 10:20 (Asia/Shanghai)  Cannot pay for my order\n");

        // 11:40: the usage ticket was linked by mistake. Taken out, it goes back to its tier at confirmation, its clock
        // running on with the 71 h 50 min it had left; a ticket that is not in the incident is refused
        moveClockTo(T0.plusSeconds(100 * 60));
        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
        Task toUnlink = incidentTask(id, "WorkIncident");
        taskService.claim(toUnlink.getId(), "supervisor");
        assertThatThrownBy(() -> taskService.complete(toUnlink.getId(), Map.of("incidentAction", "unlink",
                "unlinkTickets", before.ticketNumber())))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("unlinkTickets: " + before.ticketNumber() + " is not a complaint of INC-" + id + " waiting for its fix");
        engine.getIdentityService().clearAuthentication();
        asSupervisor(id, "WorkIncident", Map.of("incidentAction", "unlink", "unlinkTickets", named.ticketNumber()));
        assertThat(openTasks(named)).containsExactly("ConfirmComplaint");
        assertThat(timelineKinds(named)).contains(EventKind.INCIDENT_UNLINKED, EventKind.SLA_RESUMED);
        assertThat(column(named, "resolution_due")).as("11:40 + 71 h 50 min").isEqualTo("2028-06-09T03:30:00Z");
        assertThat(onForm(incidentTask(id, "WorkIncident"))).containsEntry("incidentLinked", "5");

        // 12:30: fixed. Every linked customer is told once, in their language; each clock runs on with what was left
        moveClockTo(T0.plusSeconds(150 * 60));
        asSupervisor(id, "WorkIncident", FIX);
        List<Complaint> linked = List.of(english, chinese, confirmed, joined, unrelated);
        for (Complaint c : linked) {
            boolean zh = c.locale().equals("zh-CN");
            String notice = zh ? "您的投诉已解决" : "Your complaint has been resolved";
            assertThat(subjectsTo(c)).filteredOn(s -> s.contains(notice)).as(c.ticketNumber()).hasSize(1);
            assertThat(textOf(mailTo(c, notice))).contains(zh ? "原因：支付网关证书过期。" : "Cause: The payment gateway's certificate expired.",
                    zh ? "解决方案：已更新证书，支付恢复正常。" : "Solution: We renewed the certificate; payments work again.");
            assertThat(reload(c).status()).isEqualTo("RESOLVED");
            assertThat(column(c, "resolved_at")).isEqualTo("2028-06-06T04:30:00Z");
        }
        assertThat(column(english, "resolution_due")).as("12:30 + 23 h 50 min").isEqualTo("2028-06-07T04:20:00Z");
        assertThat(column(joined, "resolution_due")).as("12:30 + 24 h").isEqualTo("2028-06-07T04:30:00Z");
        assertThat(column(unrelated, "resolution_due")).as("72 h, received and linked at 10:40").isEqualTo("2028-06-09T04:30:00Z");
        assertThat(jdbc.queryForMap("SELECT status, open_category, resolved_by FROM mass_incident WHERE id = ?", id))
                .containsEntry("STATUS", "RESOLVED").containsEntry("OPEN_CATEGORY", null).containsEntry("RESOLVED_BY", "supervisor");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident_complaint WHERE incident_id = ? AND told_at IS NULL",
                Integer.class, id)).isZero();
        assertThat(subjectsTo(named)).as("taken out before the fix").noneMatch(s -> s.contains("has been resolved"));
        assertThat(openTasks(named)).containsExactly("ConfirmComplaint");
        // once resolved, a new payment problem is a complaint of its own again
        Complaint afterwards = file("payment", "en");
        executeDueJobs();
        assertThat(openTasks(afterwards)).containsExactly("ConfirmComplaint");

        // the incident's own review, readable by staff
        Task review = incidentTask(id, "ReviewIncident");
        assertThat(onForm(review)).containsEntry("incidentFix", "Cause: The payment gateway's certificate expired.\n"
                + "Solution: We renewed the certificate; payments work again.\n原因：支付网关证书过期。\n解决方案：已更新证书，支付恢复正常。\n"
                + "2028-06-06 12:30 (Asia/Shanghai) · supervisor");
        asSupervisor(id, "ReviewIncident", Map.of("rootCauseCategory", "supplier-quality", "severity", "major",
                "impactScope", "All card payments 10:00–12:30", "preventiveActions", "Certificate expiry alarm 30 days ahead"));
        assertThat(jdbc.queryForMap("SELECT status, severity, reviewed_by FROM mass_incident WHERE id = ?", id))
                .containsEntry("STATUS", "CLOSED").containsEntry("SEVERITY", "major").containsEntry("REVIEWED_BY", "supervisor");
        HttpResponse<String> read = http.get("/api/incidents/INC-" + id, "manager");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"number\":\"INC-" + id + "\"", "\"preventiveActions\":\"Certificate expiry alarm 30 days ahead\"",
                joined.ticketNumber());
        assertThat(http.get("/api/incidents/INC-" + id, "agent1").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/incidents/INC-" + id, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/incidents/INC-999999", "manager").statusCode()).isEqualTo(404);

        // each linked complaint goes on through follow-up to close (closing would wait for a review task, had one been due)
        moveClockBy(Duration.ofDays(30)); // the observation period, then the survey
        moveClockBy(Duration.ofDays(30)); // no answer to the survey: closed
        for (Complaint c : linked) {
            assertThat(reload(c).status()).as(c.ticketNumber()).isEqualTo("CLOSED");
            assertThat(timelineKinds(c)).doesNotContain(EventKind.INCIDENT_REVIEW_WRITTEN);
        }
    }

    @Test
    void theWindowIsLinkedAfterTheDeclarationOneJobPerComplaintAndOneStillOnItsWayIsLinkedOnceAtItsTier() {
        Complaint atTier = file("performance", "en");
        executeDueJobs();
        Complaint onItsWay = file("performance", "zh-CN"); // its intake's hand-over to the tier is still queued
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(5 * 60)));
        HttpResponse<String> started = declare("supervisor", "App login broken", "performance", "2028-06-06 10:00", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        long id = jdbc.queryForObject("SELECT id FROM mass_incident WHERE title = 'App login broken'", Long.class);
        assertThat(linkedTickets(id)).as("the declaring request links no window complaint itself").isEmpty();

        Job findTheWindow = managementService.createJobQuery().processInstanceId(incidentProcess(id)).singleResult();
        managementService.executeJob(findTheWindow.getId());
        for (Job link : managementService.createJobQuery().processInstanceId(incidentProcess(id)).list()) {
            long complaint = ((Number) runtimeService.getVariable(link.getExecutionId(), "windowComplaintId")).longValue();
            if (complaint == onItsWay.id()) {
                assertThatThrownBy(() -> managementService.executeJob(link.getId()))
                        .hasStackTraceContaining("is on its way to its tier; linking it to INC-" + id + " is retried");
            } else {
                managementService.executeJob(link.getId());
            }
        }
        assertThat(linkedTickets(id)).contains(atTier.ticketNumber()).doesNotContain(onItsWay.ticketNumber());
        assertThat(openTasks(atTier)).isEmpty();
        Job retried = managementService.createJobQuery().processInstanceId(incidentProcess(id)).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate().toInstant()).isEqualTo(T0.plusSeconds(10 * 60));

        runLifecycleJobs(onItsWay);
        assertThat(openTasks(onItsWay)).containsExactly("ConfirmComplaint");
        moveClockTo(T0.plusSeconds(10 * 60));
        assertThat(linkedTickets(id)).contains(atTier.ticketNumber(), onItsWay.ticketNumber());
        assertThat(openTasks(onItsWay)).as("it left its tier for the incident").isEmpty();
        assertThat(jdbc.queryForObject("SELECT linked_by FROM mass_incident_complaint WHERE complaint_id = ?", String.class,
                onItsWay.id())).isEqualTo("supervisor");
        assertThat(subjectsTo(onItsWay)).contains("[" + onItsWay.ticketNumber() + "] 已知问题：我们正在修复");
        assertThat(incidentTask(id, "WorkIncident")).as("the supervisors' task once the window is linked").isNotNull();
    }

    private String incidentProcess(long incident) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("INC-" + incident).singleResult().getId();
    }

    private List<String> linkedTickets(long incident) {
        return jdbc.queryForList("SELECT c.ticket_number FROM mass_incident_complaint l JOIN complaint c ON c.id = l.complaint_id "
                + "WHERE l.incident_id = ? ORDER BY c.received_at, c.id", String.class, incident);
    }

    @Test
    void aNationwideOutageShowsItsFirstTwoHundredComplaintsWholeOnBothTasks() {
        Complaint first = file("outage", "en");
        executeDueJobs();
        long id = declared("Checkout down nationwide", "outage", "2028-06-06 09:00", null);
        // 250 more linked, of ~130 characters each as customers write them: listed whole, 200 of them are 26,000
        // characters, six times what a process variable holds; copied onto the task they failed the task's creation
        String subject = "Card payment declined at checkout although the bank shows the money as reserved, order lost";
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String ticket = "OUT-" + CUSTOMERS.incrementAndGet();
            jdbc.update("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                            + "customer_email, segment, status, received_at) VALUES (?, 'web', 'problem', 'outage', ?, 'x', 'en', "
                            + "'Outage', 'outage@example.com', 'standard', 'IN_PROGRESS', ?)",
                    ticket, subject + " " + ticket, OffsetDateTime.parse("2028-06-06T01:00:00Z").plusSeconds(10L * i));
            jdbc.update("INSERT INTO mass_incident_complaint (incident_id, complaint_id, linked_at, linked_by) "
                    + "SELECT ?, id, ?, 'supervisor' FROM complaint WHERE ticket_number = ?", id, OffsetDateTime.now(), ticket);
            tickets.add(ticket);
        }
        Complaint late = file("usage", "zh-CN");
        executeDueJobs();

        asSupervisor(id, "WorkIncident", Map.of("incidentAction", "link", "moreTickets", late.ticketNumber()));
        Task work = incidentTask(id, "WorkIncident");
        assertThat(work).as("the task made again after linking").isNotNull();
        assertThat(taskService.getVariablesLocal(work.getId())).isEmpty();
        Map<String, Object> shown = onForm(work);
        assertThat(shown).containsEntry("incidentLinked", "252");
        String[] lines = shown.get("incidentTickets").toString().split("\n");
        assertThat(lines).hasSize(201);
        assertThat(lines[0]).isEqualTo(tickets.get(0) + "  2028-06-06 09:00 (Asia/Shanghai)  " + subject + " " + tickets.get(0));
        assertThat(lines[199]).startsWith(tickets.get(199) + "  2028-06-06 09:33 (Asia/Shanghai)  ");
        assertThat(lines[200]).isEqualTo("… and 52 more · 另有 52 件");
        assertThat(shown.get("incidentTickets").toString()).doesNotContain(first.ticketNumber(), late.ticketNumber());

        asSupervisor(id, "WorkIncident", FIX);
        Task review = incidentTask(id, "ReviewIncident");
        assertThat(review).as("the review made once every complaint was told").isNotNull();
        assertThat(onForm(review)).containsEntry("incidentLinked", "252").containsKey("incidentFix");
        assertThat(onForm(review).get("incidentTickets").toString().split("\n")).hasSize(201);
    }

    @Test
    void fiftyLinkedComplaintsAreEachToldOfTheFixExactlyOnce() throws Exception {
        List<Complaint> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(file("outage", i % 2 == 0 ? "en" : "zh-CN"));
        }
        executeDueJobs();
        moveClockTo(T0.plusSeconds(10 * 60));
        long id = declared("Login service down", "outage", "2028-06-06 10:00", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident_complaint WHERE incident_id = ?", Integer.class, id)).isEqualTo(50);

        asSupervisor(id, "WorkIncident", FIX);
        // an announcement repeated (a job run again after a lost acknowledgement) tells nobody twice
        fifty.forEach(c -> fixes.announce(id, c.id()));
        executeDueJobs();
        for (Complaint c : fifty) {
            String notice = c.locale().equals("zh-CN") ? "您的投诉已解决" : "Your complaint has been resolved";
            assertThat(subjectsTo(c)).filteredOn(s -> s.contains(notice)).as(c.ticketNumber()).hasSize(1);
        }
        assertThat(mailsAbout("您的投诉已解决")).hasSize(25);
        assertThat(mailsAbout("Your complaint has been resolved")).hasSize(25);
        assertThat(incidentTask(id, "ReviewIncident")).isNotNull();
    }

    @Test
    void aSupervisorDeclaresAnIncidentFromTheSpikeInvestigation() {
        Complaint early = file("security", "en");
        moveClockTo(T0.plusSeconds(15 * 60));
        Complaint inSpike = file("security", "zh-CN");
        executeDueJobs();
        jdbc.update("INSERT INTO category_spike (category, open_category, window_start, window_end, last_hour, usual_per_hour) "
                + "VALUES ('security', 'security', ?, ?, 3, 0)", OffsetDateTime.parse("2028-06-06T02:05:30Z"),
                OffsetDateTime.parse("2028-06-06T03:05:00Z"));
        long spike = jdbc.queryForObject("SELECT MAX(id) FROM category_spike", Long.class);
        runtimeService.startProcessInstanceByKey("spike-investigation", "SPIKE-" + spike, Map.of("spikeId", spike));
        executeDueJobs();

        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
        Task investigate = taskService.createTaskQuery().processInstanceBusinessKey("SPIKE-" + spike).singleResult();
        taskService.claim(investigate.getId(), "supervisor");
        taskService.complete(investigate.getId(), Map.of("finding", "Password reset mails leaked a token",
                "declareIncident", true, "incidentTitle", "Password reset token leak"));
        engine.getIdentityService().clearAuthentication();
        executeDueJobs();

        Map<String, Object> incident = jdbc.queryForMap("SELECT id, category, spike_id, declared_by FROM mass_incident "
                + "WHERE title = 'Password reset token leak'");
        assertThat(incident).containsEntry("CATEGORY", "security").containsEntry("SPIKE_ID", spike).containsEntry("DECLARED_BY", "supervisor");
        assertThat(jdbc.queryForObject("SELECT affected_since FROM mass_incident WHERE spike_id = ?", OffsetDateTime.class, spike)
                .withOffsetSameInstant(ZoneOffset.UTC)).as("the spike's hour, to the minute").isEqualTo("2028-06-06T02:05:00Z");
        assertThat(openTasks(inSpike)).isEmpty();
        assertThat(openTasks(early)).containsExactly("ConfirmComplaint");
        assertThat(incidentTask((Long) incident.get("ID"), "WorkIncident")).isNotNull();
    }

    @Test
    void aBadDeclarationIsRefusedNamingTheFieldAndOnlySupervisorsDeclare() {
        Complaint praise = intake.submit(new ComplaintSubmission("web", "praise", "praise", "Great service", "Thanks!", "en",
                new ComplaintSubmission.Customer("Fan", "fan@example.com", null, "standard")), null).complaint();
        Complaint asked = file("usage", "en");
        Complaint inAnother = file("account", "en");
        executeDueJobs();
        complete(asked, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "informationRequest", "Which browser do you use?"));
        long another = declared("Login page slow", null, null, inAnother.ticketNumber());
        assertThat(declare("supervisor", "", "payment", null, null).body()).contains("incidentTitle: name the incident");
        assertThat(declare("supervisor", "Down", "weather", null, null).body()).contains("incidentCategory: must be one of");
        assertThat(declare("supervisor", "Down", null, "2028-06-06 09:00", null).body())
                .contains("affectedSince: links the complaints of a category; choose the category too");
        assertThat(declare("supervisor", "Down", "payment", "6 June 9am", null).body()).contains("affectedSince: write it as");
        assertThat(declare("supervisor", "Down", "payment", "2028-06-07 09:00", null).body()).contains("affectedSince: lies in the future");
        assertThat(declare("supervisor", "Down", null, null, "CF-1999-000001").body()).contains("incidentTickets: there is no ticket CF-1999-000001");
        assertThat(declare("supervisor", "Down", null, null, praise.ticketNumber()).body())
                .contains("incidentTickets: " + praise.ticketNumber() + " is a praise, not a problem");
        assertThat(declare("supervisor", "Down", null, null, asked.ticketNumber()).body()).contains("incidentTickets: "
                + asked.ticketNumber() + " waits for the customer's answer; link it once the answer is in");
        assertThat(declare("supervisor", "Down", null, null, inAnother.ticketNumber()).body())
                .contains("incidentTickets: " + inAnother.ticketNumber() + " belongs to INC-" + another + " already");
        assertThat(declare("supervisor", "x".repeat(201), "payment", null, null).body()).contains("incidentTitle: at most 200 characters");
        HttpResponse<String> refused = declare("supervisor", "Down", null, null, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("incidentCategory: choose the category of the incident or name the tickets it holds");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mass_incident WHERE title = 'Down'", Integer.class)).isZero();

        assertThat(declare("agent1", "Down", "payment", null, null).statusCode()).as("agents do not even see it").isEqualTo(404);
        assertThat(declare("manager", "Down", "payment", null, null).statusCode()).isEqualTo(403);

        long first = declared("Card payments failing", "payment", null, null);
        HttpResponse<String> second = declare("supervisor", "Payments again", "payment", null, null);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("incidentCategory: INC-" + first + " (Card payments failing) is already open for payment");
    }
}
