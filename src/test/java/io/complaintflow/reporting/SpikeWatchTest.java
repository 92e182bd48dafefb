package io.complaintflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spike watch on the engine clock: every five minutes each category's last hour is judged against the same hour
 * of the last four weeks; a spike opens one investigation for the supervisors and one mail, and is not raised again
 * until the investigation is done.
 */
class SpikeWatchTest extends ComplaintFlowTestBase {
    /** A Tuesday morning no other test uses. */
    static final Instant NINE = Instant.parse("2028-05-16T09:00:00Z");
    static final AtomicInteger TICKETS = new AtomicInteger();

    @BeforeEach
    void watchOnAndNothingBefore() {
        jdbc.update("UPDATE mass_incident SET spike_id = NULL"); // incidents declared from spikes in other tests
        jdbc.update("DELETE FROM category_spike");
        jdbc.update("DELETE FROM complaint WHERE ticket_number LIKE 'SPK-%'");
        managementService.activateJobDefinitionByProcessDefinitionKey("spike-watch", true);
        // wherever an earlier test left the watch's timer, it looks next at nine
        managementService.createJobQuery().processDefinitionKey("spike-watch").timers().list()
                .forEach(timer -> managementService.setJobDuedate(timer.getId(), java.util.Date.from(NINE)));
        // the watch's first look, on an empty hour: from now on it looks at 09:05, 09:10 …
        moveClockTo(NINE);
        assertThat(investigations()).isEmpty();
    }

    @AfterEach
    void watchOff() {
        managementService.suspendJobDefinitionByProcessDefinitionKey("spike-watch", true);
    }

    private Map<String, Object> onForm(String taskId) {
        return engine.getFormService().getTaskFormVariables(taskId);
    }

    private String received(String category, String at) {
        return received(category, at, "Cannot log in");
    }

    private String received(String category, String at, String subject) {
        String ticket = "SPK-" + TICKETS.incrementAndGet();
        jdbc.update("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                        + "customer_email, segment, status, received_at) VALUES (?, 'web', 'problem', ?, ?, 'x', 'en', 'Spike', "
                        + "'spike@example.com', 'standard', 'RECEIVED', ?)",
                ticket, category, subject + " " + ticket, OffsetDateTime.parse(at));
        return ticket;
    }

    private long tasksSeenBy(String user, String group) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return taskService.createTaskQuery().taskDefinitionKey("InvestigateSpike").count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Task> investigations() {
        return taskService.createTaskQuery().processDefinitionKey("spike-investigation").taskDefinitionKey("InvestigateSpike")
                .orderByTaskCreateTime().asc().list();
    }

    private List<String> spikeMails() {
        return mailsAbout("Spike:").stream().map(m -> subject(m)).toList();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBurstOfOutagesOpensOneInvestigationAndOneMailAndIsRaisedAgainOnlyAfterTheInvestigation() throws Exception {
        // payment: three this hour against one a week before (three times usual, but a payment spike takes ten)
        for (int week = 1; week <= 4; week++) {
            received("payment", OffsetDateTime.parse("2028-05-16T08:30:00Z").minusWeeks(week).toString());
        }
        received("payment", "2028-05-16T08:10:00Z");
        received("payment", "2028-05-16T08:40:00Z");
        received("payment", "2028-05-16T09:01:00Z");
        // outage: three this hour, none before (a sensitive category: three and twice the usual level)
        received("outage", "2028-05-16T08:05:00Z"); // at the window's start: not in the hour 08:05–09:05
        String first = received("outage", "2028-05-16T08:30:00Z");
        String second = received("outage", "2028-05-16T08:50:00Z");
        String third = received("outage", "2028-05-16T09:03:00Z");

        moveClockTo(NINE.plusSeconds(5 * 60));
        List<Task> open = investigations();
        assertThat(open).hasSize(1);
        Task task = open.get(0);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).containsExactly("supervisors");
        Map<String, Object> shown = onForm(task.getId());
        assertThat(taskService.getVariablesLocal(task.getId())).isEmpty();
        assertThat(shown).containsEntry("spikeCategory", "outage").containsEntry("spikeLastHour", "3")
                .containsEntry("spikeUsual", "0.00")
                .containsEntry("spikeWindow", "2028-05-16 16:05 (Asia/Shanghai) – 2028-05-16 17:05 (Asia/Shanghai)")
                .containsEntry("spikeTickets", String.join("\n",
                        third + "  2028-05-16 17:03 (Asia/Shanghai)  Cannot log in " + third,
                        second + "  2028-05-16 16:50 (Asia/Shanghai)  Cannot log in " + second,
                        first + "  2028-05-16 16:30 (Asia/Shanghai)  Cannot log in " + first));
        // agents do not see it; managers read it (as in Cockpit) but cannot take it; supervisors work it
        assertThat(tasksSeenBy("agent1", "agents-l1")).isZero();
        assertThat(tasksSeenBy("manager", "managers")).isEqualTo(1);
        engine.getIdentityService().setAuthentication("manager", List.of("managers"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.claim(task.getId(), "manager"))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        engine.getIdentityService().clearAuthentication();
        assertThat(tasksSeenBy("supervisor", "supervisors")).isEqualTo(1);
        long spikeId = jdbc.queryForObject("SELECT id FROM category_spike", Long.class);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey()).isEqualTo("SPIKE-" + spikeId);
        assertThat(spikeMails()).containsExactly("[SPIKE-" + spikeId + "] Spike: 3 outage complaints in one hour (usually 0.00)");
        var alert = mailsAbout("Spike:").get(0);
        assertThat(recipients(alert)).containsExactly("supervisor@complaintflow.local");
        assertThat(textOf(alert)).contains("between 2028-05-16 16:05 (Asia/Shanghai) and 2028-05-16 17:05 (Asia/Shanghai)",
                third + "  Cannot log in " + third, "#/?task=" + task.getId());

        // more outages while the investigation is open: no second task, no second mail
        received("outage", "2028-05-16T09:06:00Z");
        received("outage", "2028-05-16T09:08:00Z");
        moveClockTo(NINE.plusSeconds(10 * 60));
        assertThat(investigations()).hasSize(1);
        assertThat(spikeMails()).hasSize(1);

        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
        taskService.claim(task.getId(), "supervisor");
        taskService.complete(task.getId(), Map.of("finding", "Login service down 16:00–17:10; fixed, customers told"));
        engine.getIdentityService().clearAuthentication();
        assertThat(jdbc.queryForMap("SELECT open_category, finding, closed_by, closed_at FROM category_spike WHERE id = ?", spikeId))
                .containsEntry("OPEN_CATEGORY", null).containsEntry("FINDING", "Login service down 16:00–17:10; fixed, customers told")
                .containsEntry("CLOSED_BY", "supervisor");
        assertThat(jdbc.queryForObject("SELECT closed_at FROM category_spike WHERE id = ?", OffsetDateTime.class, spikeId)
                .withOffsetSameInstant(ZoneOffset.UTC)).isEqualTo("2028-05-16T09:10:00Z");

        // at 09:15 only what came after the investigated hour counts: two outages are no spike, a third is
        moveClockTo(NINE.plusSeconds(15 * 60));
        assertThat(investigations()).isEmpty();
        received("outage", "2028-05-16T09:16:00Z");
        moveClockTo(NINE.plusSeconds(20 * 60));
        assertThat(investigations()).hasSize(1);
        assertThat(onForm(investigations().get(0).getId())).containsEntry("spikeLastHour", "3")
                .containsEntry("spikeWindow", "2028-05-16 17:05 (Asia/Shanghai) – 2028-05-16 17:20 (Asia/Shanghai)");
        assertThat(spikeMails()).hasSize(2);
    }

    @Test
    void aSpikeWhoseInvestigationWasCancelledNoLongerSilencesItsCategory() {
        for (String at : new String[] {"08:20", "08:30", "08:40"}) {
            received("security", "2028-05-16T" + at + ":00Z");
        }
        moveClockTo(NINE.plusSeconds(5 * 60));
        Task task = investigations().get(0);
        runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "cancelled in Cockpit", true);
        received("security", "2028-05-16T09:07:00Z");
        received("security", "2028-05-16T09:08:00Z");
        received("security", "2028-05-16T09:09:00Z");
        moveClockTo(NINE.plusSeconds(10 * 60));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM category_spike WHERE closed_by = 'system' AND finding IS NULL",
                Integer.class)).isEqualTo(1);
        assertThat(investigations()).hasSize(1);
        assertThat(onForm(investigations().get(0).getId())).containsEntry("spikeLastHour", "3");
    }

    @Test
    void theUsualLevelIsTheSameHourOnEachOfTheLastFourWeeks() {
        // usual: 3 per hour (12 in the four matching hours); the complaints just outside those hours do not count
        for (int week = 1; week <= 4; week++) {
            OffsetDateTime sameHour = OffsetDateTime.parse("2028-05-16T08:05:00Z").minusWeeks(week);
            received("payment", sameHour.toString()); // at the start: outside
            received("payment", sameHour.plusMinutes(20).toString());
            received("payment", sameHour.plusMinutes(40).toString());
            received("payment", sameHour.plusMinutes(60).toString()); // at the end: inside
            received("payment", sameHour.plusMinutes(61).toString()); // after: outside
        }
        for (int i = 0; i < 10; i++) {
            received("payment", OffsetDateTime.parse("2028-05-16T08:06:00Z").plusMinutes(5 * i).toString());
            if (i < 9) {
                received("account", OffsetDateTime.parse("2028-05-16T08:06:00Z").plusMinutes(5 * i).toString());
            }
        }
        moveClockTo(NINE.plusSeconds(5 * 60));
        // payment: ten, 3.33 times the usual 3.00; account: nine, under the table's ten however rare before
        assertThat(investigations()).hasSize(1);
        assertThat(onForm(investigations().get(0).getId())).containsEntry("spikeCategory", "payment")
                .containsEntry("spikeLastHour", "10").containsEntry("spikeUsual", "3.00");
    }

    @Test
    void aMassOutageListsItsLatestTwoHundredComplaintsWholeOnTheInvestigationForm() {
        String subject = "Card payment declined at checkout although the bank shows the money as reserved, order lost";
        List<String> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            tickets.add(received("payment", OffsetDateTime.parse("2028-05-16T08:06:00Z").plusSeconds(14 * i).toString(), subject));
        }
        moveClockTo(NINE.plusSeconds(5 * 60));
        // 250 complaints of ~130 characters: the list of 200 is 26,000 characters, six times what a process variable
        // holds; copied onto the task it failed the investigation's start on PostgreSQL
        assertThat(investigations()).hasSize(1);
        Task task = investigations().get(0);
        Map<String, Object> shown = onForm(task.getId());
        assertThat(shown).containsEntry("spikeLastHour", "250");
        String[] lines = shown.get("spikeTickets").toString().split("\n");
        assertThat(lines).hasSize(201);
        assertThat(lines[200]).isEqualTo("… and 50 more · 另有 50 件");
        assertThat(lines[0]).isEqualTo(tickets.get(249) + "  2028-05-16 17:04 (Asia/Shanghai)  " + subject + " " + tickets.get(249));
        assertThat(lines[199]).startsWith(tickets.get(50) + "  2028-05-16 16:17 (Asia/Shanghai)  ");
    }
}
