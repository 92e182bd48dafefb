package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An agent works a complaint in Camunda Tasklist in a real browser (Debian chromium + chromedriver, which
 * .ci/run installs): the queue shows the task, the form shows the complaint and its SLA state, and
 * completing it moves the lifecycle on.
 */
@TestPropertySource(properties = {
        // the webapps serve the engine named "default"; this context's engine must carry that name
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.process-engine-name=default"})
@DirtiesContext
class TasklistInABrowserTest extends ComplaintFlowTestBase {

    @LocalServerPort int port;
    Browser user;
    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        // per test, not per class: Surefire's summary then counts each skipped browser test
        open("en-US");
    }

    private void open(String language) {
        closeBrowser();
        user = Browser.open("agent", language, "1400,2400");
        browser = user.driver;
    }

    @AfterEach
    void closeBrowser() {
        if (user != null) {
            user.close();
        }
    }

    private WebElement visible(By by) {
        return user.visible(by);
    }

    private void click(By by) {
        user.click(by);
    }

    private void logIn(String name) {
        user.logIn(port, "tasklist", name);
    }

    @Test
    void anL2AgentSeesTheBreachedUrgentComplaintInTheQueueAndConfirmsIt() {
        ClockUtil.setCurrentTime(new Date());
        Complaint c = submit("problem", "outage", "standard");
        executeDueJobs();
        // sixteen minutes later the first response is overdue
        moveClockTo(Instant.now().plus(Duration.ofMinutes(16)));

        logIn("agent2");
        visible(By.xpath("//*[contains(text(),'L2 queue')]"));
        // Camunda 7 CE's end-of-life banner is hidden for agents (user-styles.css); README keeps the note for operators
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("It is time to migrate");
        visible(By.xpath("//a[contains(.,'Confirm complaint')] | //h4[contains(.,'Confirm complaint')]")).click();
        WebElement ticket = visible(By.xpath("//label[starts-with(normalize-space(.),'Ticket')]/following::input[1]"));
        user.waitUpTo.until(driver -> c.ticketNumber().equals(ticket.getDomProperty("value")));
        assertThat(ticket.getDomAttribute("readonly")).isNotNull();
        WebElement responseSla = visible(By.xpath("//label[contains(.,'Response SLA')]/following::textarea[1]"));
        assertThat(responseSla.getDomProperty("value")).startsWith("BREACHED · due ");
        // read from the complaint as the form opens: nothing of it is copied onto the task
        WebElement subject = visible(By.xpath("//label[starts-with(normalize-space(.),'Subject')]/following::input[1]"));
        assertThat(subject.getDomProperty("value")).isEqualTo(c.subject());
        assertThat(taskService.getVariablesLocal(task(c, "ConfirmComplaint").getId())).as("only what the queue shows on the card")
                .containsOnlyKeys("ticketNumber", "priority", "tier");

        click(By.xpath("//button[contains(.,'Claim')]"));
        click(By.xpath("//label[contains(.,'Confirmed')]"));
        click(By.xpath("//button[contains(.,'Complete')]"));
        user.waitUpTo.until(driver -> !taskService.createTaskQuery().processInstanceBusinessKey(c.ticketNumber())
                .taskDefinitionKey("DecideSolution").list().isEmpty());

        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("DecideSolution");
        assertThat(reload(c).milestones().confirmedAt()).isNotNull();
        assertThat(timelineKinds(c)).contains("CONFIRMED");
    }

    @Test
    void theQueueOpensWithTheEarliestDueTaskFirstNotTheNewest() {
        ClockUtil.setCurrentTime(new Date());
        Complaint older = submit("problem", "usage", "standard");
        executeDueJobs();
        moveClockTo(Instant.now().plus(Duration.ofMinutes(5)));
        Complaint newer = submit("problem", "usage", "standard");
        executeDueJobs();
        assertThat(task(older, "ConfirmComplaint").getDueDate()).isBefore(task(newer, "ConfirmComplaint").getDueDate());

        logIn("agent1");
        visible(By.xpath("//*[contains(text(),'L1 queue')]"));
        user.waitUpTo.until(driver -> browser.findElements(By.cssSelector("ol.tasks-list > li")).size() == 2);
        String list = browser.findElement(By.cssSelector("ol.tasks-list")).getText();
        // Tasklist's own default would be "Created", newest first: the newer complaint on top
        assertThat(list.indexOf(older.ticketNumber())).isNotNegative().isLessThan(list.indexOf(newer.ticketNumber()));
        assertThat(browser.getCurrentUrl()).contains("sorting=").contains("dueDate");
        visible(By.xpath("//*[normalize-space(text())='Due date']"));
        visible(By.xpath("//*[normalize-space(text())='Priority']"));
    }

    @Test
    void aBrowserSetToChineseGetsTasklistInChineseAnyOtherInEnglish() throws Exception {
        var chinese = WebappLocalesTest.read("tasklist", "zh").get("labels");
        logIn("agent1");
        visible(By.xpath("//*[contains(text(),'L1 queue')]"));
        visible(By.xpath("//a[contains(.,'Start process')]"));

        open("zh-CN");
        logIn("agent1");
        visible(By.xpath("//*[contains(text(),'L1 queue')]"));
        visible(By.xpath("//a[contains(.,'" + chinese.get("START_PROCESS").asText() + "')]"));
        visible(By.xpath("//*[normalize-space(text())='" + chinese.get("DUE_DATE").asText() + "']"));
        assertThat(browser.findElements(By.xpath("//a[contains(.,'Start process')]"))).isEmpty();
    }

    @Test
    void anL1AgentDoesNotSeeTheL2Queue() {
        submit("problem", "outage", "standard");
        executeDueJobs();
        logIn("agent1");
        visible(By.xpath("//*[contains(text(),'L1 queue')]"));
        assertThat(browser.findElements(By.xpath("//*[contains(text(),'L2 queue')]"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//*[contains(text(),'Confirm complaint')]"))).isEmpty();
    }
}
