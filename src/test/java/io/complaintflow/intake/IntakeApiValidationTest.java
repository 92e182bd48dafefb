package io.complaintflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets a 400 naming each bad field, and nothing is saved. */
class IntakeApiValidationTest extends ComplaintFlowTestBase {
    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired io.complaintflow.security.PortalTokens tokens;

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        return new TestHttp(port).send("POST", path, null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<String> get(String path, String user) {
        return new TestHttp(port).get(path, user);
    }

    private long complaintCount() {
        return engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    @Test
    void eachBadFieldIsNamedAndNothingIsSaved() throws Exception {
        long before = complaintCount();
        HttpResponse<String> response = post("/api/complaints", """
                {"channel":"fax","type":"rant","category":"","subject":"x","description":"y","locale":"fr",
                 "customer":{"name":"","email":"not-an-email","segment":"gold"}}""", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("fields").findValuesAsText("field"))
                .containsExactlyInAnyOrder("channel", "type", "category", "locale", "customer.name", "customer.email",
                        "customer.segment");
        assertThat(response.body()).doesNotContain("Exception", "at io.");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void onlyStaffSignedInMayDeclareACustomerVip() throws Exception {
        String vip = """
                {"channel":"web","type":"problem","category":"usage","subject":"Cannot log in","description":"Since today",
                 "locale":"en","customer":{"name":"Zhao Lei","email":"zhao.lei@example.com","segment":"vip"}}""";
        long before = complaintCount();
        HttpResponse<String> anonymous = post("/api/complaints", vip, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(json.readTree(anonymous.body()).get("fields").findValuesAsText("field")).containsExactly("customer.segment");
        assertThat(anonymous.body()).contains("only staff or a channel signed in with HTTP Basic may declare a segment other than standard");
        assertThat(complaintCount()).isEqualTo(before);
        HttpResponse<String> byAnAgent = new TestHttp(port).post("/api/complaints", "agent1", vip);
        assertThat(byAnAgent.statusCode()).isEqualTo(201);
        assertThat(complaints.findByTicketNumber(json.readTree(byAnAgent.body()).get("ticketNumber").asText()).orElseThrow()
                .customer().segment()).isEqualTo("vip");
        assertThat(post("/api/complaints", vip.replace("\"vip\"", "\"standard\""), Map.of()).statusCode()).isEqualTo(201);
    }

    @Test
    void missingCustomerAndMalformedJsonAreRefused() throws Exception {
        HttpResponse<String> noCustomer = post("/api/complaints",
                "{\"channel\":\"web\",\"category\":\"usage\",\"subject\":\"s\",\"description\":\"d\",\"locale\":\"en\"}", Map.of());
        assertThat(noCustomer.statusCode()).isEqualTo(400);
        assertThat(noCustomer.body()).contains("\"field\":\"customer\"");
        HttpResponse<String> broken = post("/api/complaints", "{\"channel\":", Map.of());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"field\":\"body\"", "is not one valid JSON object in UTF-8");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String huge = "{\"description\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(post("/api/complaints", huge, Map.of()).statusCode()).isEqualTo(413);
    }

    @Test
    void userTextIsStoredAsTypedAndReturnedAsJsonText() throws Exception {
        HttpResponse<String> created = post("/api/complaints", ComplaintOverHttpScenario.COMPLAINT, Map.of());
        String ticket = json.readTree(created.body()).get("ticketNumber").asText();
        HttpResponse<String> record = get("/api/complaints/" + ticket, "supervisor");
        assertThat(json.readTree(record.body()).at("/complaint/description").asText()).contains("<b>please help</b>");
        assertThat(record.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void surveyWithAWrongTokenOrOutOfRangeScoreIsRefused() throws Exception {
        HttpResponse<String> created = post("/api/complaints", ComplaintOverHttpScenario.COMPLAINT, Map.of());
        String ticket = json.readTree(created.body()).get("ticketNumber").asText();
        HttpResponse<String> wrongToken = post("/api/portal/surveys",
                "{\"ticketNumber\":\"" + ticket + "\",\"token\":\"guess\",\"satisfaction\":5}", Map.of());
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(wrongToken.body()).contains("No ticket matches this number and link");
        String token = tokens.issue(complaints.findByTicketNumber(ticket).orElseThrow().id());
        HttpResponse<String> badScore = post("/api/portal/surveys",
                "{\"ticketNumber\":\"" + ticket + "\",\"token\":\"" + token + "\",\"satisfaction\":9,\"nps\":11}", Map.of());
        assertThat(badScore.statusCode()).isEqualTo(400);
        assertThat(badScore.body()).contains("\"field\":\"satisfaction\"", "\"field\":\"nps\"");
        HttpResponse<String> notOpen = post("/api/portal/surveys",
                "{\"ticketNumber\":\"" + ticket + "\",\"token\":\"" + token + "\",\"satisfaction\":4}", Map.of());
        assertThat(notOpen.statusCode()).as("the survey opens only after the observation period").isEqualTo(409);
    }
}
