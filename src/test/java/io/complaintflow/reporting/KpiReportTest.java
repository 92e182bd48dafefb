package io.complaintflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The managers' monthly KPIs over HTTP: figures by type and priority, month boundaries in the office's zone. */
class KpiReportTest extends ComplaintFlowTestBase {
    private static final AtomicInteger TICKETS = new AtomicInteger();
    @LocalServerPort int port;

    @BeforeEach
    void aMonthOfComplaints() {
        jdbc.update("DELETE FROM complaint WHERE ticket_number LIKE 'KPI-%'");
        // problem/urgent: on time (10 min, resolved after 130 min), late (45 min), never answered and overdue
        closed("problem", "urgent", "2025-10-05T10:00+08:00", "2025-10-05T10:15+08:00", "2025-10-05T10:10+08:00", "2025-10-05T12:10+08:00");
        closed("problem", "urgent", "2025-10-06T10:00+08:00", "2025-10-06T10:15+08:00", "2025-10-06T10:45+08:00", null);
        closed("problem", "urgent", "2025-10-07T10:00+08:00", "2025-10-07T10:15+08:00", null, null);
        // 1 October 01:00 in Shanghai is still 30 September in UTC: it belongs to October
        closed("complaint", "general", "2025-09-30T17:00Z", "2025-10-01T09:00+08:00", "2025-10-01T01:05+08:00", null);
        // 30 September 23:30 and 1 November 04:00 in Shanghai: not October
        closed("complaint", "general", "2025-09-30T15:30Z", "2025-10-01T09:00+08:00", "2025-10-01T01:05+08:00", null);
        closed("complaint", "general", "2025-10-31T20:00Z", "2025-11-01T09:00+08:00", "2025-11-01T05:00+08:00", null);
    }

    @Test
    void aManagerReadsTheMonthsResponseAndResolutionFiguresByTypeAndPriority() throws Exception {
        HttpResponse<String> response = get("/api/reports/kpis?month=2025-10", "manager");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode month = new ObjectMapper().readTree(response.body());
        assertThat(month.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(month.get("rows")).hasSize(2);
        JsonNode general = month.get("rows").get(0);
        assertThat(general.get("type").asText() + "/" + general.get("priority").asText()).isEqualTo("complaint/general");
        assertThat(general.get("received").asLong()).isEqualTo(1);
        assertThat(general.get("onTimeResponseRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(general.get("averageResponseMinutes").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(general.get("averageResolutionMinutes").isNull()).isTrue();
        JsonNode urgent = month.get("rows").get(1);
        assertThat(urgent.get("type").asText() + "/" + urgent.get("priority").asText()).isEqualTo("problem/urgent");
        assertThat(urgent.get("received").asLong()).isEqualTo(3);
        assertThat(urgent.get("responseCounted").asLong()).isEqualTo(3);
        assertThat(urgent.get("onTimeResponseRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(urgent.get("averageResponseMinutes").decimalValue()).isEqualByComparingTo("27.5");
        assertThat(urgent.get("resolved").asLong()).isEqualTo(1);
        assertThat(urgent.get("averageResolutionMinutes").decimalValue()).isEqualByComparingTo("130.0");
    }

    @Test
    void onlyManagersSupervisorsProcessOwnersAndAdminsReadReports() throws Exception {
        assertThat(get("/api/reports/kpis?month=2025-10", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/reports/kpis?month=2025-10", "agent1").statusCode()).isEqualTo(403);
        assertThat(get("/api/reports/kpis?month=2025-10", "supervisor").statusCode()).isEqualTo(200);
    }

    @Test
    void aMonthThatIsNoMonthIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> response = get("/api/reports/kpis?month=2025-13", "manager");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode field = new ObjectMapper().readTree(response.body()).get("fields").get(0);
        assertThat(field.get("field").asText()).isEqualTo("month");
        assertThat(field.get("reason").asText()).contains("YYYY-MM");
        assertThat(get("/api/reports/kpis", "manager").statusCode()).isEqualTo(400);
    }

    private void closed(String type, String priority, String received, String due, String responded, String resolved) {
        int n = TICKETS.incrementAndGet();
        jdbc.update("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                        + "customer_email, segment, priority, tier, status, received_at, first_response_due, "
                        + "first_response_at, resolved_at) VALUES (?, 'web', ?, 'usage', 'KPI', 'KPI', 'en', 'KPI', 'kpi@example.com', "
                        + "'standard', ?, 'L1', 'CLOSED', ?, ?, ?, ?)",
                "KPI-" + n, type, priority, time(received), time(due), time(responded), time(resolved));
    }

    private static OffsetDateTime time(String text) {
        return text == null ? null : OffsetDateTime.parse(text.length() == 17 ? text.replace("Z", ":00Z") : text
                .replaceFirst("T(\\d\\d:\\d\\d)([+Z])", "T$1:00$2"));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
