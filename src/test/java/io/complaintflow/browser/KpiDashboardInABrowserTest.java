package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The managers' KPI dashboard in Cockpit, in a real browser, over a seeded month; and who may read its figures. */
@TestPropertySource(properties = {
        // the webapps serve the engine named "default"; this context's engine must carry that name
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.process-engine-name=default"})
@DirtiesContext
class KpiDashboardInABrowserTest extends ComplaintFlowTestBase {
    static final AtomicInteger TICKETS = new AtomicInteger();

    @LocalServerPort int port;
    Browser manager;

    @BeforeEach
    void march2024() {
        jdbc.update("DELETE FROM mass_incident_complaint WHERE complaint_id IN (SELECT id FROM complaint WHERE ticket_number LIKE 'DASH-%')");
        jdbc.update("DELETE FROM complaint WHERE ticket_number LIKE 'DASH-%'");
        // a month no other test uses (the in-memory database is shared by every context of the run): three payment complaints (one answered late, breached, escalated to L2) and one account complaint
        seeded("payment", "L1", "2024-03-06T10:00:00+08:00", 20, false, 0);
        seeded("payment", "L1", "2024-03-07T10:00:00+08:00", 30, false, 0);
        seeded("payment", "L2", "2024-03-08T10:00:00+08:00", 90, true, 1);
        seeded("account", "L1", "2024-03-20T10:00:00+08:00", 10, false, 0);
    }

    private void seeded(String category, String tier, String received, int responseMinutes, boolean breached, int escalations) {
        OffsetDateTime at = OffsetDateTime.parse(received);
        jdbc.update("INSERT INTO complaint (ticket_number, channel, type, category, subject, description, locale, customer_name, "
                        + "customer_email, segment, priority, tier, status, received_at, first_response_due, first_response_at, "
                        + "resolution_due, resolved_at, sla_breached, escalation_count) VALUES (?, 'web', 'problem', ?, 'Dash', 'Dash', "
                        + "'en', 'Dash', 'dash@example.com', 'standard', 'important', ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?)",
                "DASH-" + TICKETS.incrementAndGet(), category, tier, at, at.plusMinutes(60), at.plusMinutes(responseMinutes),
                at.plusDays(1), at.plusHours(6), breached, escalations);
    }

    @AfterEach
    void closeBrowser() {
        if (manager != null) {
            manager.close();
        }
    }

    private void showMonth(String month) {
        ((JavascriptExecutor) manager.driver).executeScript(
                "const input = document.getElementById('kpi-month'); input.value = arguments[0];"
                        + "input.dispatchEvent(new Event('change', {bubbles: true}));", month);
    }

    /** The dashboard draws anew for the chosen month (the first drawing, of this month, may still be replaced). */
    private void waitForTheMonth() {
        manager.waitUpTo.ignoring(StaleElementReferenceException.class).until(driver -> "4".equals(tile("received")));
    }

    private String tile(String kpi) {
        return manager.visible(By.cssSelector("[data-kpi='" + kpi + "'] .kpi-value")).getText();
    }

    @Test
    void aManagerSeesTheMonthsFiguresAndChartsInCockpit() {
        manager = Browser.open("manager", "en-US", "1400,2200");
        try {
            manager.logIn(port, "cockpit", "manager");
            assertThat(manager.visible(By.cssSelector(".complaintflow-kpis h3")).getText()).isEqualTo("Complaint KPIs");
            showMonth("2024-03");
            waitForTheMonth();
            assertThat(tile("onTimeResponse")).isEqualTo("75.0 %");
            assertThat(tile("breaches")).isEqualTo("1");
            assertThat(tile("escalations")).isEqualTo("1");
            assertThat(tile("mttr")).isEqualTo("6.0 h (p90 6.0 h)");
            assertThat(manager.driver.findElements(By.cssSelector("[data-chart='trend'] rect"))).hasSize(31);
            assertThat(manager.driver.findElement(By.cssSelector("[data-chart='trend'] rect[data-day='2024-03-20']"))
                    .getDomAttribute("data-value")).isEqualTo("1");
            assertThat(manager.driver.findElements(By.cssSelector("[data-chart='categories'] rect")))
                    .extracting(bar -> bar.getDomAttribute("data-value")).containsExactly("3", "1");
            assertThat(manager.driver.findElement(By.cssSelector("[data-chart='categories']")).getText()).contains("payment", "account");
            assertThat(manager.driver.findElements(By.cssSelector("[data-chart='tiers'] rect")))
                    .extracting(bar -> bar.getDomAttribute("data-value")).containsExactly("0", "1");

            // a filter narrows every figure
            ((JavascriptExecutor) manager.driver).executeScript("const s = document.getElementById('kpi-channel'); s.value = 'email';"
                    + "s.dispatchEvent(new Event('change', {bubbles: true}));");
            manager.waitUpTo.until(driver -> driver.findElement(By.cssSelector(".kpi-status")).getText().equals("No complaints this month."));
        } catch (RuntimeException | AssertionError failure) {
            manager.screenshot(CustomerJourneyInABrowserTest.SCREENSHOTS);
            throw failure;
        }
    }

    @Test
    void aManagerReadsAMassIncidentsFixAndReviewInCockpit() {
        long id = reviewedIncident();
        manager = Browser.open("manager-incidents", "en-US", "1400,2200");
        try {
            manager.logIn(port, "cockpit", "manager");
            assertThat(manager.visible(By.cssSelector(".complaintflow-incidents h3")).getText()).isEqualTo("Mass incidents");
            var row = manager.visible(By.cssSelector(".complaintflow-incidents tr[data-incident='INC-" + id + "']"));
            assertThat(row.getText()).contains("INC-" + id, "Checkout <b>down</b>", "payment", "closed");
            row.findElement(By.cssSelector("a[data-open]")).click();
            assertThat(manager.visible(By.cssSelector(".incident-detail [data-field='preventiveActions']")).getText())
                    .isEqualTo("Renew certificates 30 days ahead");
            assertThat(manager.driver.findElement(By.cssSelector(".incident-detail [data-field='solutionZh']")).getText())
                    .isEqualTo("已更新证书");
            assertThat(manager.driver.findElement(By.cssSelector(".incident-complaints")).getText()).contains("DASH-");
        } catch (RuntimeException | AssertionError failure) {
            manager.screenshot(CustomerJourneyInABrowserTest.SCREENSHOTS);
            throw failure;
        }
    }

    /** A closed incident of March 2024 holding the month's first complaint; its title is user text, shown as text. */
    private long reviewedIncident() {
        jdbc.update("UPDATE mass_incident SET open_category = NULL");
        jdbc.update("INSERT INTO mass_incident (title, category, status, declared_by, declared_at, cause, solution, cause_zh, "
                        + "solution_zh, resolved_by, resolved_at, root_cause_category, severity, impact_scope, preventive_actions, "
                        + "reviewed_by, closed_at) VALUES ('Checkout <b>down</b>', 'payment', 'CLOSED', 'supervisor', ?, "
                        + "'Certificate expired', 'Renewed the certificate', '证书过期', '已更新证书', 'supervisor', ?, "
                        + "'supplier-quality', 'major', 'All card payments', 'Renew certificates 30 days ahead', 'supervisor', ?)",
                OffsetDateTime.parse("2024-03-06T11:00:00+08:00"), OffsetDateTime.parse("2024-03-06T13:00:00+08:00"),
                OffsetDateTime.parse("2024-03-07T09:00:00+08:00"));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM mass_incident", Long.class);
        jdbc.update("INSERT INTO mass_incident_complaint (incident_id, complaint_id, linked_at, linked_by, told_at) "
                        + "SELECT ?, id, received_at, 'supervisor', received_at FROM complaint WHERE ticket_number LIKE 'DASH-%' "
                        + "ORDER BY id FETCH FIRST 1 ROWS ONLY", id);
        return id;
    }

    @Test
    void theDashboardSpeaksChineseToAChineseBrowser() {
        manager = Browser.open("manager-zh", "zh-CN", "1400,2200");
        manager.logIn(port, "cockpit", "manager");
        assertThat(manager.visible(By.cssSelector(".complaintflow-kpis h3")).getText()).isEqualTo("投诉关键指标");
        showMonth("2024-03");
        waitForTheMonth();
        assertThat(manager.driver.findElement(By.cssSelector("[data-kpi='received'] .kpi-label")).getText()).isEqualTo("受理量");
        assertThat(manager.visible(By.cssSelector(".complaintflow-incidents h3")).getText()).isEqualTo("群体事件");
    }

    @Test
    void onlyReadersOfReportsGetTheFigures() throws Exception {
        long incident = reviewedIncident();
        assertThat(dashboardAs("manager", INCIDENTS)).isEqualTo(200);
        assertThat(dashboardAs("manager", INCIDENTS + "/INC-" + incident)).isEqualTo(200);
        assertThat(dashboardAs("manager", INCIDENTS + "/INC-0")).isEqualTo(404);
        assertThat(dashboardAs("supervisor", INCIDENTS)).isEqualTo(200);
        assertThat(dashboardAs(null, INCIDENTS)).isEqualTo(401);
        assertThat(dashboardAs("manager")).isEqualTo(200);
        assertThat(dashboardAs("supervisor")).isEqualTo(200);
        assertThat(dashboardAs("owner")).isEqualTo(200);
        assertThat(dashboardAs("agent1")).as("agents cannot log into Cockpit").isEqualTo(401);
        assertThat(dashboardAs(null)).isEqualTo(401);
        // someone an admin let into Cockpit who reads no reports: the dashboard's own check
        var identity = engine.getIdentityService();
        var viewer = identity.newUser("viewer");
        viewer.setPassword("demo");
        viewer.setEmail("viewer@example.com");
        identity.saveUser(viewer);
        identity.saveGroup(identity.newGroup("auditors"));
        identity.createMembership("viewer", "auditors");
        var cockpit = engine.getAuthorizationService().createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        cockpit.setGroupId("auditors");
        cockpit.setResource(org.camunda.bpm.engine.authorization.Resources.APPLICATION);
        cockpit.setResourceId("cockpit");
        cockpit.addPermission(org.camunda.bpm.engine.authorization.Permissions.ACCESS);
        engine.getAuthorizationService().saveAuthorization(cockpit);
        try {
            assertThat(dashboardAs("viewer")).isEqualTo(403);
            assertThat(dashboardAs("viewer", INCIDENTS + "/INC-" + incident)).isEqualTo(403);
        } finally {
            engine.getAuthorizationService().deleteAuthorization(cockpit.getId());
            identity.deleteUser("viewer");
            identity.deleteGroup("auditors");
        }
    }

    static final String INCIDENTS = "/api/cockpit/plugin/complaintflow-incidents/default/incidents";

    private int dashboardAs(String user) throws Exception {
        return dashboardAs(user, "/api/cockpit/plugin/complaintflow-kpis/default/dashboard?month=2024-03");
    }

    /** Logs into the webapps as Cockpit's login page does, then asks the plugin's API. */
    private int dashboardAs(String user, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda";
        if (user != null) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/default/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrf(http, base))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=demo")).build(), HttpResponse.BodyHandlers.discarding());
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String xsrf(HttpClient http, String base) {
        List<java.net.HttpCookie> cookies = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies();
        return cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }
}
