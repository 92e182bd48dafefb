package io.complaintflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the API takes is exactly one JSON object in UTF-8 with known fields; anything else is a 4xx naming why. */
@ExtendWith(OutputCaptureExtension.class)
class StrictInputTest extends ComplaintFlowTestBase {
    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    private TestHttp http;

    static final String VALID = """
            {"channel":"web","category":"payment","subject":"Charged twice","description":"My card was charged twice.",
             "locale":"en","customer":{"name":"Mei Lin","email":"mei.lin@example.com"}}""";

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private long complaintCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
    }

    private String fieldsOf(HttpResponse<String> response) throws Exception {
        return String.join(",", json.readTree(response.body()).get("fields").findValuesAsText("field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.com>", "a@b..com", "Mei <mei@example.com>", "mei@example.com (Mei)", "a@b", "a@-b.com",
            "\"a b\"@example.com", "a@[127.0.0.1]", "用户@例子.中国", "a@b.com,c@d.com", ".a@b.com"})
    void addressesAMailServerWouldNotTakeAreRefused(String address) throws Exception {
        long before = complaintCount();
        HttpResponse<String> response = http.post("/api/complaints", null,
                VALID.replace("mei.lin@example.com", address.replace("\"", "\\\"")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).isEqualTo("customer.email");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void plainAddressesAreTaken() {
        for (String address : new String[] {"mei.lin@example.com", "o'brien+tag@mail.example.co.uk", "x@xn--fiqs8s.cn"}) {
            assertThat(http.post("/api/complaints", null, VALID.replace("mei.lin@example.com", address)).statusCode())
                    .as(address).isEqualTo(201);
        }
    }

    @Test
    void aMissingOrBlankAddressAndATooLongDescriptionAreNamed() throws Exception {
        HttpResponse<String> missing = http.post("/api/complaints", null, VALID.replace(",\"email\":\"mei.lin@example.com\"", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(missing)).isEqualTo("customer.email");
        HttpResponse<String> blank = http.post("/api/complaints", null, VALID.replace("mei.lin@example.com", "  "));
        assertThat(fieldsOf(blank)).isEqualTo("customer.email");
        HttpResponse<String> tooLong = http.post("/api/complaints", null,
                VALID.replace("My card was charged twice.", "x".repeat(20_001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(tooLong)).isEqualTo("description");
        assertThat(json.readTree(tooLong.body()).get("message").asText()).isEqualTo("description must be at most 20000 characters");
        HttpResponse<String> longest = http.post("/api/complaints", null, VALID.replace("My card was charged twice.", "x".repeat(20_000)));
        assertThat(longest.statusCode()).isEqualTo(201);
        // the agent's task form shows all of it: read from the complaint when the form opens, not copied onto the task
        String ticket = json.readTree(longest.body()).get("ticketNumber").asText();
        executeDueJobs();
        var confirm = taskService.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("ConfirmComplaint").singleResult();
        String shown = (String) shownOnForm(confirm.getId(), "description");
        assertThat(shown).isEqualTo("x".repeat(20_000));
        assertThat(taskService.getVariablesLocal(confirm.getId())).as("nothing of the text copied onto the task")
                .containsOnlyKeys("ticketNumber", "priority", "tier").containsEntry("ticketNumber", ticket);
    }

    @Test
    void trailingDataASecondObjectAndUnknownFieldsAreRefused() throws Exception {
        long before = complaintCount();
        HttpResponse<String> trailing = http.post("/api/complaints", null, VALID + " garbage");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(trailing)).isEqualTo("body");
        assertThat(http.post("/api/complaints", null, VALID + VALID).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = http.post("/api/complaints", null, VALID.replace("{\"channel\"", "{\"ticketNumber\":\"CF-2026-000001\",\"channel\""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(unknown)).isEqualTo("ticketNumber");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void malformedUtf8IsRefused() throws Exception {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        String marker = "Charged twice";
        int at = VALID.indexOf(marker);
        byte[] broken = valid.clone();
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        HttpResponse<String> response = http.send("POST", "/api/complaints", null, broken, Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).isEqualTo("body");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherComplaintIs422() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "order-9-" + port);
        HttpResponse<String> first = http.send("POST", "/api/complaints", null, VALID.getBytes(StandardCharsets.UTF_8), key);
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> replay = http.send("POST", "/api/complaints", null, VALID.getBytes(StandardCharsets.UTF_8), key);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).get("ticketNumber")).isEqualTo(json.readTree(first.body()).get("ticketNumber"));
        HttpResponse<String> other = http.send("POST", "/api/complaints", null,
                VALID.replace("Charged twice", "Charged three times").getBytes(StandardCharsets.UTF_8), key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(fieldsOf(other)).isEqualTo("Idempotency-Key");
        assertThat(other.body()).doesNotContain(json.readTree(first.body()).get("ticketNumber").asText());
    }

    @Test
    void aMonthOutOfRangeIs400() throws Exception {
        for (String month : new String[] {"+999999999-12", "-0001-01", "2026-13", "99999-01"}) {
            HttpResponse<String> response = http.get("/api/reports/kpis?month=" + java.net.URLEncoder.encode(month,
                    StandardCharsets.UTF_8), "manager");
            assertThat(response.statusCode()).as(month).isEqualTo(400);
            assertThat(fieldsOf(response)).isEqualTo("month");
        }
    }

    @Test
    void everyApiAndPortalAnswerCarriesTheSecurityHeaders() {
        String ticket = complaints.findByTicketNumber(intake.submit(submission("problem", "usage", "standard"), null)
                .complaint().ticketNumber()).orElseThrow().ticketNumber();
        for (HttpResponse<String> response : new HttpResponse[] {http.get("/api/complaints/" + ticket, "agent1"),
                http.get("/api/complaints/" + ticket, null), http.post("/api/complaints", null, "{}"),
                http.get("/portal/survey.html", null), http.get("/portal/portal.js", null)}) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
    }

    @Test
    void badRequestsLeaveNoStackTraceInTheLog(CapturedOutput output) {
        http.post("/api/complaints", null, VALID + "x");
        http.post("/api/complaints", null, VALID.replace("mei.lin@example.com", "a@b.com>"));
        http.get("/api/reports/kpis?month=%2B999999999-12", "manager");
        http.send("POST", "/api/complaints", null, new byte[] {'{', (byte) 0xFF, '}'}, Map.of());
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }
}
