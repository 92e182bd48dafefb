package io.complaintflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The managers' monthly KPIs over HTTP: figures by type and priority, month boundaries in the office's zone. */
class KpiReportTest extends ComplaintFlowTestBase {
    private static final AtomicInteger TICKETS = new AtomicInteger();
    @LocalServerPort int port;
    @Autowired KpiRollup rollup;

    @BeforeEach
    void aMonthOfComplaints() {
        jdbc.update("DELETE FROM survey_response WHERE complaint_id IN (SELECT id FROM complaint WHERE ticket_number LIKE 'KPI-%')");
        jdbc.update("DELETE FROM complaint_event WHERE complaint_id IN (SELECT id FROM complaint WHERE ticket_number LIKE 'KPI-%')");
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

    /** One complaint with every figure the KPIs read; times in Shanghai (+08:00) on 2025-11-… */
    private long full(String category, String channel, String received, int responseMinutes, int responseDueMinutes,
                      Integer resolutionMinutes, int resolutionDueMinutes, int escalations, int reopens, boolean breached,
                      String compensation) {
        int n = TICKETS.incrementAndGet();
        OffsetDateTime at = OffsetDateTime.parse("2025-11-" + received + ":00+08:00");
        jdbc.update("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                        + "customer_email, segment, priority, tier, status, received_at, first_response_due, first_response_at, "
                        + "resolution_due, resolved_at, escalation_count, reopen_count, sla_breached, compensation_kind, "
                        + "compensation_amount, compensation_status) VALUES (?, ?, 'problem', ?, 'KPI', 'KPI', 'en', 'KPI', "
                        + "'kpi@example.com', 'standard', 'important', 'L1', 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "KPI-" + n, channel, category, at, at.plusMinutes(responseDueMinutes), at.plusMinutes(responseMinutes),
                at.plusMinutes(resolutionDueMinutes), resolutionMinutes == null ? null : at.plusMinutes(resolutionMinutes),
                escalations, reopens, breached, compensation == null ? null : "refund",
                compensation == null ? null : new java.math.BigDecimal(compensation), compensation == null ? null : "ISSUED");
        return jdbc.queryForObject("SELECT id FROM complaint WHERE ticket_number = ?", Long.class, "KPI-" + n);
    }

    private void surveyed(long complaint, int satisfaction, Integer nps) {
        jdbc.update("INSERT INTO survey_response (complaint_id, round, satisfaction, nps, reopen_requested, answered_at) "
                + "VALUES (?, 0, ?, ?, FALSE, CURRENT_TIMESTAMP)", complaint, satisfaction, nps);
    }

    @AfterEach
    void noRollUpOutlivesTheTest() {
        jdbc.update("DELETE FROM kpi_day");
        jdbc.update("UPDATE complaint SET kpi_rolled_up_at = NULL WHERE kpi_rolled_up_at IS NOT NULL");
    }

    @Test
    void everyKpiByCategoryAndWeekAsJsonAndAsCsv() throws Exception {
        aFortnight();
        assertTheFortnightsFigures();
    }

    @Test
    void settledComplaintsAreRolledUpAndGiveTheSameFiguresAsBefore() throws Exception {
        aFortnight();
        // still open on the 12th; closed without a resolution on the 13th, its resolution due time still ahead
        long open = full("payment", "web", "12T10:00", 15, 60, null, 1440, 0, 0, false, null);
        jdbc.update("UPDATE complaint SET status = 'IN_PROGRESS' WHERE id = ?", open);
        long early = full("payment", "web", "13T10:00", 15, 60, null, 1440, 0, 0, false, null);
        jdbc.update("UPDATE complaint SET resolution_due = ? WHERE id = ?", OffsetDateTime.parse("2099-01-01T00:00Z"), early);
        // closed on the 12th, one with its question still waiting to go out, one whose unsent question was withdrawn
        long unsent = full("payment", "web", "12T11:00", 15, 60, 120, 1440, 0, 0, false, null);
        timeline.record(unsent, Timeline.SYSTEM, EventKind.MAIL_QUEUED, "informationRequest");
        long withdrawn = full("payment", "web", "12T12:00", 15, 60, 120, 1440, 0, 0, false, null);
        timeline.record(withdrawn, Timeline.SYSTEM, EventKind.MAIL_QUEUED, "informationRequest");
        timeline.record(withdrawn, Timeline.SYSTEM, EventKind.MAIL_WITHDRAWN, "informationRequest");
        // a new link the customer asked for after the close tells no figure: it holds nothing back
        long linkAsked = full("payment", "web", "12T13:00", 15, 60, 120, 1440, 0, 0, false, null);
        timeline.record(linkAsked, Timeline.SYSTEM, EventKind.MAIL_QUEUED, EventKind.PORTAL_LINK_MAIL);
        List<String> reports = List.of("from=2025-11-03&to=2025-11-16&period=week&groupBy=category",
                "from=2025-11-03&to=2025-11-16&groupBy=channel&category=payment",
                "from=2025-11-01&to=2025-11-30&period=day&groupBy=type,priority,tier,channel,category,segment&format=csv");
        List<String> live = new ArrayList<>();
        for (String report : reports) {
            live.add(get("/api/reports/kpis?" + report, "manager").body());
        }

        rollup.rollUp();

        assertThat(jdbc.queryForList("SELECT ticket_number FROM complaint WHERE ticket_number LIKE 'KPI-%' "
                        + "AND received_at >= ? AND kpi_rolled_up_at IS NULL ORDER BY received_at", String.class,
                OffsetDateTime.parse("2025-11-01T00:00+08:00")))
                .as("every settled complaint is rolled up; not the open one, the one whose mail waits to go out, nor the one "
                        + "whose resolution may still turn overdue")
                .containsExactly(ticketOf(open), ticketOf(unsent), ticketOf(early));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kpi_day WHERE received_on = ?", Long.class, LocalDate.parse("2025-11-03")))
                .as("one row per day and group").isEqualTo(1);
        for (int i = 0; i < reports.size(); i++) {
            assertThat(get("/api/reports/kpis?" + reports.get(i), "manager").body()).as(reports.get(i)).isEqualTo(live.get(i));
        }
        // once it is closed, the complaint of the 12th joins its day's roll-up at the next run, counted once
        jdbc.update("UPDATE complaint SET status = 'CLOSED' WHERE id = ?", open);
        rollup.rollUp();
        assertThat(jdbc.queryForObject("SELECT kpi_rolled_up_at FROM complaint WHERE id = ?", OffsetDateTime.class, open)).isNotNull();
        for (int i = 0; i < reports.size(); i++) {
            assertThat(get("/api/reports/kpis?" + reports.get(i), "manager").body()).as(reports.get(i)).isEqualTo(live.get(i));
        }
        // rolled-up complaints are read from the roll-up, not again from the complaints
        jdbc.update("UPDATE complaint SET category = 'account' WHERE ticket_number LIKE 'KPI-%' AND category = 'payment' "
                + "AND received_at < ?", OffsetDateTime.parse("2025-11-11T00:00+08:00"));
        JsonNode rows = new ObjectMapper().readTree(get("/api/reports/kpis?" + reports.get(0), "manager").body()).get("rows");
        assertThat(rows.get(1).get("category").asText() + " " + rows.get(1).get("received").asLong()).isEqualTo("payment 3");
    }

    private String ticketOf(long complaint) {
        return jdbc.queryForObject("SELECT ticket_number FROM complaint WHERE id = ?", String.class, complaint);
    }

    /** Complaints in the weeks of Monday 3 and Monday 10 November 2025, each figure chosen for the KPI it tests. */
    private void aFortnight() {
        // week of Monday 3 November: three payment complaints, one account complaint
        long a = full("payment", "web", "03T10:00", 10, 60, 120, 1440, 0, 0, false, "20.00");
        long b = full("payment", "portal", "04T10:00", 90, 60, 3000, 1440, 1, 0, true, null);
        long c = full("payment", "web", "05T10:00", 30, 60, 600, 1440, 0, 1, false, "5.50");
        full("account", "web", "06T10:00", 20, 60, null, 1440, 0, 0, false, null);
        // week of Monday 10 November: one payment complaint
        long e = full("payment", "email", "10T09:00", 40, 60, 100, 1440, 0, 0, false, null);
        surveyed(a, 5, 10);
        surveyed(b, 2, 3);
        surveyed(c, 4, 8);
        surveyed(e, 3, null);
    }

    private void assertTheFortnightsFigures() throws Exception {
        HttpResponse<String> response = get("/api/reports/kpis?from=2025-11-03&to=2025-11-16&period=week&groupBy=category", "manager");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = new ObjectMapper().readTree(response.body());
        assertThat(report.get("groupBy").toString()).isEqualTo("[\"category\"]");
        assertThat(report.get("rows")).hasSize(3);
        JsonNode account = report.get("rows").get(0);
        assertThat(account.get("period").asText() + " " + account.get("category").asText()).isEqualTo("2025-11-03 account");
        assertThat(account.get("shareOfVolume").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode payment = report.get("rows").get(1);
        assertThat(payment.get("period").asText() + " " + payment.get("category").asText()).isEqualTo("2025-11-03 payment");
        assertThat(payment.get("received").asLong()).isEqualTo(3);
        assertThat(payment.get("shareOfVolume").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(payment.get("onTimeResponseRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(payment.get("averageResponseMinutes").decimalValue()).isEqualByComparingTo("43.3");
        // p90 of 10, 30, 90 minutes, interpolated: 30 + 0.8 × 60
        assertThat(payment.get("p90ResponseMinutes").decimalValue()).isEqualByComparingTo("78.0");
        assertThat(payment.get("resolved").asLong()).isEqualTo(3);
        assertThat(payment.get("onTimeResolutionRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(payment.get("averageResolutionMinutes").decimalValue()).isEqualByComparingTo("1240.0");
        assertThat(payment.get("p90ResolutionMinutes").decimalValue()).isEqualByComparingTo("2520.0");
        assertThat(payment.get("firstContactResolutionRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(payment.get("reopenRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(payment.get("breaches").asLong()).isEqualTo(1);
        assertThat(payment.get("escalations").asLong()).isEqualTo(1);
        assertThat(payment.get("compensationCost").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(payment.get("surveyAnswers").asLong()).isEqualTo(3);
        // satisfaction 5, 2, 4 → 100, 25, 75 of 100; satisfied: 2 of 3; NPS: one promoter (10), one detractor (3) of 3
        assertThat(payment.get("csat").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(payment.get("satisfiedShare").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(payment.get("nps").decimalValue()).isEqualByComparingTo("0.0");
        JsonNode nextWeek = report.get("rows").get(2);
        assertThat(nextWeek.get("period").asText() + " " + nextWeek.get("category").asText()).isEqualTo("2025-11-10 payment");
        assertThat(nextWeek.get("shareOfVolume").decimalValue()).isEqualByComparingTo("1");
        assertThat(nextWeek.get("csat").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(nextWeek.get("npsAnswers").asLong()).isZero();
        assertThat(nextWeek.get("nps").isNull()).isTrue();

        HttpResponse<String> filtered = get("/api/reports/kpis?from=2025-11-03&to=2025-11-16&groupBy=channel&category=payment", "manager");
        JsonNode channels = new ObjectMapper().readTree(filtered.body()).get("rows");
        assertThat(channels).hasSize(3);
        assertThat(channels.findValuesAsText("channel")).containsExactly("email", "portal", "web");
        assertThat(channels.findValuesAsText("received")).containsExactly("1", "1", "2");

        HttpResponse<String> csv = get("/api/reports/kpis?from=2025-11-10&to=2025-11-16&groupBy=category,channel&format=csv", "manager");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("period,category,channel,received,shareOfVolume,responseCounted,onTimeResponseRate,"
                + "averageResponseMinutes,p90ResponseMinutes,resolutionCounted,onTimeResolutionRate,resolved,"
                + "averageResolutionMinutes,p90ResolutionMinutes,firstContactResolutionRate,reopenRate,breaches,escalations,"
                + "compensationCost,surveyAnswers,csat,satisfiedShare,npsAnswers,nps\r\n"
                + "2025-11-10,payment,email,1,1.0000,1,1.0000,40.0,40.0,1,1.0000,1,100.0,100.0,1.0000,0.0000,0,0,0.00,1,50.0,0.0000,0,\r\n");
    }

    @Test
    void badReportParametersAreRefusedNamingEach() throws Exception {
        for (String[] bad : new String[][] {{"from=2025-11-31&to=2025-12-01", "from"}, {"from=2025-11-03&to=2025-11-01", "to"},
                {"from=2025-01-01&to=2026-12-31", "to"}, {"from=2025-11-03&to=2025-11-09&period=year", "period"},
                {"from=2025-11-03&to=2025-11-09&groupBy=customer", "groupBy"}, {"month=2025-11&format=xml", "format"},
                {"month=2025-11&colour=red", "colour"}}) {
            HttpResponse<String> response = get("/api/reports/kpis?" + bad[0], "manager");
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(response.body()).get("fields").get(0).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
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
