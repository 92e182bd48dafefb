package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import java.io.File;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
    WebDriver browser;
    WebDriverWait waitUpTo;

    @BeforeEach
    void openBrowser() {
        // per test, not per class: Surefire's summary then counts each skipped browser test
        Browsers.requireChromium();
        System.setProperty("webdriver.chrome.driver", Browsers.CHROMEDRIVER);
        open("en-US");
    }

    /** A browser whose user has set this language (what the webapps read from navigator.languages). */
    private void open(String language) {
        if (browser != null) {
            browser.quit();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2400", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Browsers.CHROMEDRIVER)).usingAnyFreePort().build(), options);
        waitUpTo = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement visible(By by) {
        return waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks like a user who first scrolls the element into the middle of the window. */
    private void click(By by) {
        WebElement element = waitUpTo.until(ExpectedConditions.elementToBeClickable(by));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitUpTo.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
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
        waitUpTo.until(driver -> c.ticketNumber().equals(ticket.getDomProperty("value")));
        assertThat(ticket.getDomAttribute("readonly")).isNotNull();
        WebElement responseSla = visible(By.xpath("//label[contains(.,'Response SLA')]/following::textarea[1]"));
        assertThat(responseSla.getDomProperty("value")).startsWith("BREACHED · due ");

        click(By.xpath("//button[contains(.,'Claim')]"));
        click(By.xpath("//label[contains(.,'Confirmed')]"));
        click(By.xpath("//button[contains(.,'Complete')]"));
        waitUpTo.until(driver -> !taskService.createTaskQuery().processInstanceBusinessKey(c.ticketNumber())
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
        waitUpTo.until(driver -> browser.findElements(By.cssSelector("ol.tasks-list > li")).size() == 2);
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
