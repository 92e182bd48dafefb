package io.complaintflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A complaint posted over HTTP and driven to closed through the engine, checking our row, the timeline
 * and the mails received. Subclasses run it on H2 and on real PostgreSQL.
 */
abstract class ComplaintOverHttpScenario extends ComplaintFlowTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static final String COMPLAINT = """
            {"channel":"web","type":"complaint","category":"payment","subject":"扣款两次",
             "description":"我的订单被扣款两次 <b>please help</b>","locale":"zh-CN",
             "customer":{"name":"王芳","email":"wang.fang@example.com","segment":"standard"}}""";

    @Test
    void complaintPostedOverHttpIsDrivenToClosed() throws Exception {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date());
        HttpResponse<String> created = post("/api/complaints", COMPLAINT, Map.of("Idempotency-Key", "order-4711-" + port));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(created.body());
        String ticket = receipt.get("ticketNumber").asText();
        assertThat(ticket).matches("CF-\\d{4}-\\d{6}");
        assertThat(receipt.get("priority").asText()).isEqualTo("important");
        assertThat(receipt.get("firstResponseDue").asText()).isNotBlank();

        HttpResponse<String> again = post("/api/complaints", COMPLAINT, Map.of("Idempotency-Key", "order-4711-" + port));
        assertThat(json.readTree(again.body()).get("ticketNumber").asText()).as("same key, same ticket").isEqualTo(ticket);

        Complaint c = complaints.findByTicketNumber(ticket).orElseThrow();
        executeDueJobs();
        JsonNode fresh = json.readTree(get("/api/complaints/" + ticket, "agent1").body());
        assertThat(fresh.at("/sla/response/state").asText()).isEqualTo("ON_TRACK");
        // an important complaint: one hour to respond, and the engine clock stands still
        assertThat(fresh.at("/sla/response/remainingMinutes").asLong()).isEqualTo(60);
        assertThat(fresh.at("/sla/response/remaining").asText()).isEqualTo("1 h");
        assertThat(fresh.at("/sla/resolution/state").asText()).isEqualTo("ON_TRACK");
        assertThat(fresh.at("/sla/tableVersion").asInt()).isPositive();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "confirmed"));
        complete(c, "DecideSolution", "agent1", Map.of("solution", "退还重复扣款", "rootCause", "支付网关重试", "approvalNeeded", false));
        complete(c, "ImplementSolution", "agent1", Map.of("implementation", "resolved", "implementationNote", "refunded"));
        moveClockBy(Duration.ofDays(3).plusMinutes(1));

        String surveyMail = body(mail.getReceivedMessages()[2]);
        Matcher link = Pattern.compile("ticket=(CF-[0-9-]+)&token=([A-Za-z0-9_-]+)").matcher(surveyMail);
        assertThat(link.find()).as("survey mail carries the survey link").isTrue();
        HttpResponse<String> survey = post("/api/portal/surveys", """
                {"ticketNumber":"%s","token":"%s","satisfaction":5,"nps":9,"comment":"谢谢"}"""
                .formatted(link.group(1), link.group(2)), Map.of());
        assertThat(survey.statusCode()).isEqualTo(202);
        executeDueJobs();

        HttpResponse<String> record = get("/api/complaints/" + ticket, "agent1");
        assertThat(record.statusCode()).isEqualTo(200);
        JsonNode details = json.readTree(record.body());
        assertThat(details.at("/complaint/status").asText()).isEqualTo("CLOSED");
        assertThat(details.at("/complaint/outcome").asText()).isEqualTo("resolved");
        assertThat(details.at("/complaint/customer/name").asText()).isEqualTo("王芳");
        assertThat(details.at("/complaint/milestones/closedAt").asText()).isNotBlank();
        assertThat(details.at("/sla/response/state").asText()).isEqualTo("MET");
        assertThat(details.at("/sla/resolution/state").asText()).isEqualTo("MET");
        assertThat(details.at("/complaint").has("accessToken")).as("the customer's token is never shown").isFalse();
        assertThat(details.get("timeline").findValuesAsText("kind")).contains("RECEIVED", "TRIAGED", "CONFIRMED",
                "SOLUTION_DECIDED", "IMPLEMENTED", "SURVEY_ANSWERED", "CLOSED");

        assertThat(mail.getReceivedMessages()).hasSize(3);
        // a zh-CN complaint hears from us in Chinese, subject and body, in both the text and the HTML part
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("[" + ticket + "] 我们已收到您的反馈");
        assertThat(body(mail.getReceivedMessages()[0])).contains("王芳，您好", "扣款两次");
        assertThat(htmlOf(mail.getReceivedMessages()[0])).contains("王芳", "扣款两次");
        assertThat(body(mail.getReceivedMessages()[1])).contains("退还重复扣款", "支付网关重试");
    }

    @Test
    void readingAComplaintNeedsAStaffLogin() throws Exception {
        HttpResponse<String> created = post("/api/complaints", COMPLAINT, Map.of());
        String ticket = json.readTree(created.body()).get("ticketNumber").asText();
        assertThat(get("/api/complaints/" + ticket, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/complaints/CF-1999-000001", "agent1").statusCode()).isEqualTo(404);
    }

    private static String body(MimeMessage message) {
        return textOf(message);
    }
}
