package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import io.complaintflow.notification.MultipartMailer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator sees on /actuator: health for everyone, the figures they page on for administrators only. */
class OperationsMetricsTest extends ComplaintFlowTestBase {
    static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");
    static final String COMPLAINT = """
            {"channel":"web","type":"complaint","category":"payment","subject":"扣款两次",
             "description":"我的订单被扣款两次","locale":"zh-CN",
             "customer":{"name":"王芳","email":"wang.fang@example.com","segment":"standard"}}""";
    static final String RECEIVED_IMPORTANT = "complaintflow_complaints_received_total{application=\"complaintflow\",channel=\"web\",priority=\"important\",type=\"complaint\"}";
    static final String OPEN_L1_IMPORTANT = "complaintflow_complaints_open{application=\"complaintflow\",priority=\"important\",tier=\"L1\"}";
    static final String ACKNOWLEDGEMENTS = "complaintflow_mails_sent_total{application=\"complaintflow\",kind=\"acknowledgement\"}";
    static final String RESPONSE_WARNINGS = "complaintflow_sla_warnings_total{application=\"complaintflow\",clock=\"response\"}";
    static final String RESPONSE_BREACHES = "complaintflow_sla_breaches_total{application=\"complaintflow\",clock=\"response\"}";
    static final String JOBS_DUE = "complaintflow_jobs_due{application=\"complaintflow\"}";
    static final String OLDEST_DUE = "complaintflow_jobs_oldest_due_seconds{application=\"complaintflow\"}";
    static final String JOBS_FAILED = "complaintflow_jobs_failed{application=\"complaintflow\"}";

    @LocalServerPort int port;
    @Autowired EngineGauges gauges;

    @Test
    void aComplaintItsMailAndItsMissedResponseShowOnTheMetrics() throws Exception {
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
        Map<String, Double> before = scrape();
        HttpResponse<String> filed = http().post("/api/complaints", null, COMPLAINT);
        assertThat(filed.statusCode()).isEqualTo(201);
        executeDueJobs();
        acknowledgedUnderAMessageIdOfThisInstallation(filed);

        ClockUtil.setCurrentTime(Date.from(RECEIVED.plusSeconds(10)));
        Map<String, Double> received = scrape();
        assertThat(received.get(RECEIVED_IMPORTANT) - before.getOrDefault(RECEIVED_IMPORTANT, 0.0)).isEqualTo(1.0);
        assertThat(received.get(OPEN_L1_IMPORTANT) - before.getOrDefault(OPEN_L1_IMPORTANT, 0.0)).isEqualTo(1.0);
        assertThat(received.get(ACKNOWLEDGEMENTS) - before.getOrDefault(ACKNOWLEDGEMENTS, 0.0)).isEqualTo(1.0);
        assertThat(received).containsEntry(JOBS_DUE, 0.0).containsEntry(OLDEST_DUE, 0.0)
                .containsEntry("complaintflow_jobs_failed{application=\"complaintflow\"}", 0.0)
                .containsEntry("complaintflow_incidents_open{application=\"complaintflow\"}", 0.0)
                .containsEntry("complaintflow_ready{application=\"complaintflow\"}", 1.0);

        // an important complaint: respond within 1 h, warned at 48 min; nobody has run the jobs for 12 min 30 s
        ClockUtil.setCurrentTime(Date.from(RECEIVED.plus(Duration.ofMinutes(60)).plusSeconds(30)));
        Map<String, Double> lagging = scrape();
        assertThat(lagging).containsEntry(JOBS_DUE, 2.0).containsEntry(OLDEST_DUE, 750.0).containsEntry(JOBS_FAILED, 0.0);
        // a failed job is no longer due but failed; a suspended one is neither
        List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().list();
        Job warning = due.get(0);
        Job breach = due.get(1);
        managementService.setJobRetries(breach.getId(), 0);
        assertThat(scrape()).containsEntry(JOBS_DUE, 1.0).containsEntry(OLDEST_DUE, 750.0).containsEntry(JOBS_FAILED, 1.0);
        managementService.suspendJobById(warning.getId());
        assertThat(scrape()).containsEntry(JOBS_DUE, 0.0).containsEntry(OLDEST_DUE, 0.0).containsEntry(JOBS_FAILED, 1.0);
        managementService.activateJobById(warning.getId());
        managementService.setJobRetries(breach.getId(), 3);
        assertThat(scrape()).containsEntry(JOBS_DUE, 2.0).containsEntry(OLDEST_DUE, 750.0).containsEntry(JOBS_FAILED, 0.0);

        executeDueJobs();
        ClockUtil.setCurrentTime(Date.from(RECEIVED.plus(Duration.ofMinutes(61))));
        Map<String, Double> caughtUp = scrape();
        assertThat(caughtUp.get(RESPONSE_WARNINGS) - before.getOrDefault(RESPONSE_WARNINGS, 0.0)).isEqualTo(1.0);
        assertThat(caughtUp.get(RESPONSE_BREACHES) - before.getOrDefault(RESPONSE_BREACHES, 0.0)).isEqualTo(1.0);
        assertThat(caughtUp).containsEntry(JOBS_DUE, 0.0).containsEntry(OLDEST_DUE, 0.0);
    }

    @Test
    void healthIsForEveryoneMetricsForAdministratorsOnly() {
        HttpResponse<String> health = http().get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(http().get("/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http().get("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        String details = http().get("/actuator/health", "demo").body();
        assertThat(details).contains("\"mailServer\":{\"status\":\"UP\",\"details\":{\"location\":\"127.0.0.1:" + SMTP_PORT + "\"}}",
                "\"db\":{\"status\":\"UP\"", "\"processEngine\":{\"status\":\"UP\"");
        assertThat(http().get("/actuator/health", "agent1").body()).as("details for administrators only").doesNotContain("mailServer");
        assertThat(http().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        for (String notAnAdmin : new String[] {"agent1", "supervisor", "manager", "owner"}) {
            HttpResponse<String> refused = http().get("/actuator/prometheus", notAnAdmin);
            assertThat(refused.statusCode()).as(notAnAdmin).isEqualTo(403);
            assertThat(refused.body()).contains("Only administrators may read metrics");
        }
        assertThat(http().get("/actuator/prometheus", "demo").statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/env", "demo").statusCode()).as("not exposed").isEqualTo(404);
    }

    @Test
    void everyMetricTheAlertRulesNameIsExported() throws IOException {
        String rules = String.join("\n", Files.readAllLines(Path.of("docker", "prometheus", "alerts.yml")).stream()
                .filter(line -> line.trim().startsWith("expr:")).toList());
        Matcher names = Pattern.compile("complaintflow_[a-z_]+").matcher(rules);
        TreeSet<String> named = new TreeSet<>();
        while (names.find()) {
            named.add(names.group());
        }
        String scrape = http().get("/actuator/prometheus", "demo").body();
        assertThat(named).isNotEmpty().allSatisfy(metric -> assertThat(scrape).contains("\n" + metric + "{"));
    }

    /** The Message-ID names this database's installation, so a fresh database's CF-…-000001 is another mail. */
    private void acknowledgedUnderAMessageIdOfThisInstallation(HttpResponse<String> filed) throws Exception {
        String ticket = new com.fasterxml.jackson.databind.ObjectMapper().readTree(filed.body()).get("ticketNumber").asText();
        long id = complaints.findByTicketNumber(ticket).orElseThrow().id();
        String installation = jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'camunda.installation.id'", String.class);
        assertThat(installation).isNotBlank();
        assertThat(mail.getReceivedMessages()).extracting(jakarta.mail.internet.MimeMessage::getMessageID)
                .containsExactly(MultipartMailer.messageId(ticket, installation + ":acknowledgement:" + id + ":0"));
    }

    private TestHttp http() {
        return new TestHttp(port);
    }

    /** A scrape after the five-second refresh of the database figures. */
    private Map<String, Double> scrape() {
        gauges.refresh();
        HttpResponse<String> response = http().get("/actuator/prometheus", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> values = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("complaintflow_")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }
}
