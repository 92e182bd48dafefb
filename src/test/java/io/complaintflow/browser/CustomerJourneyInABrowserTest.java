package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole journey, each person in their own browser: a customer files a complaint in the portal in Chinese, agent1
 * works it in a Chinese Tasklist through the forms, the customer sees it resolved and answers the survey from the mail,
 * and the manager finds the closed complaint in Cockpit. A failure leaves each browser's screenshot under
 * target/journey-screenshots/.
 */
@TestPropertySource(properties = {
        // the webapps serve the engine named "default"; this context's engine must carry that name
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.process-engine-name=default"})
@DirtiesContext
class CustomerJourneyInABrowserTest extends ComplaintFlowTestBase {
    static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");

    @LocalServerPort int port;
    final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser open(String name, String language, String windowSize) {
        Browser browser = Browser.open(name, language, windowSize);
        browsers.add(browser);
        return browser;
    }

    @Test
    void aComplaintFiledInTheChinesePortalIsResolvedInTasklistAnsweredByTheCustomerAndFoundClosedInCockpit() throws Throwable {
        try {
            journey();
        } catch (Throwable failure) {
            browsers.forEach(browser -> browser.screenshot(SCREENSHOTS));
            throw failure;
        }
    }

    private void journey() throws Exception {
        ClockUtil.setCurrentTime(new Date());
        // a phone-sized window: the portal is made for phones first
        Browser customer = open("customer", "zh-CN", "390,1600");
        customer.driver.get("http://localhost:" + port + "/portal/");
        assertThat(customer.visible(By.tagName("h1")).getText()).isEqualTo("提交问题或意见");
        new Select(customer.visible(By.id("type"))).selectByValue("problem");
        new Select(customer.driver.findElement(By.id("category"))).selectByVisibleText("支付或账单");
        customer.driver.findElement(By.id("subject")).sendKeys("扣款两次 <b>加急</b>");
        customer.driver.findElement(By.id("description")).sendKeys("订单 4711 被扣款两次，请退还一笔。");
        customer.driver.findElement(By.id("customer-name")).sendKeys("王芳");
        customer.driver.findElement(By.id("customer-email")).sendKeys("wang.fang@example.com");
        customer.click(By.cssSelector("#file button[type=submit]"));
        String ticket = customer.visible(By.id("ticket")).getText();
        assertThat(ticket).matches("CF-\\d{4}-\\d{6}");
        assertThat(customer.visible(By.cssSelector("#receipt h2")).getText()).isEqualTo("谢谢，我们已收到您的留言");
        assertThat(customer.driver.findElement(By.id("promise")).getText()).isNotBlank();
        String progressLink = customer.driver.findElement(By.id("progress-link")).getDomProperty("href");
        assertThat(progressLink).startsWith("http://localhost:" + port + "/portal/progress.html#ticket=" + ticket + "&token=");
        Complaint complaint = complaints.findByTicketNumber(ticket).orElseThrow();
        assertThat(complaint.locale()).isEqualTo("zh-CN");
        executeDueJobs();

        Browser agent = open("agent1", "zh-CN", "1400,2000");
        agent.logIn(port, "tasklist", "agent1");
        agent.visible(By.xpath("//a[contains(.,'启动流程')]"));
        assertThat(agent.driver.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        agent.click(By.xpath("//*[contains(text(),'L1 queue · 一线队列')]"));
        agent.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(.,'" + ticket + "')]"
                + "[contains(.,'Confirm complaint · 确认投诉')][contains(.,'Complaint handling · 投诉处理')]"));
        work(agent, ticket, "Confirm complaint", "ConfirmComplaint", () -> choose(agent, "已确认"));
        work(agent, ticket, "Decide solution", "DecideSolution", () -> {
            write(agent, "Solution · 解决方案", "退还重复扣款");
            write(agent, "Root cause · 根本原因", "支付网关重试");
        });
        work(agent, ticket, "Implement solution", "ImplementSolution", () -> {
            choose(agent, "已解决");
            write(agent, "What was done · 处理内容", "已退款");
        });
        executeDueJobs();
        assertThat(reload(complaint).status()).isEqualTo("RESOLVED");

        customer.driver.get(progressLink);
        customer.driver.navigate().refresh();
        assertThat(customer.visible(By.id("state")).getText()).isEqualTo("已解决。我们正在确认解决方案对您有效。");
        assertThat(customer.driver.findElement(By.id("subject")).getText()).isEqualTo("扣款两次 <b>加急</b>");
        String steps = customer.driver.findElement(By.id("timeline")).getText();
        assertThat(steps).contains("我们收到了您的留言", "我们确认了问题", "解决方案已实施", "我们给您发了邮件：解决方案")
                .doesNotContain("agent1", "已退款", "支付网关重试");

        // three days' observation later the survey mail comes; its link opens the survey
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        Matcher survey = Pattern.compile("http://localhost:8080(/portal/survey\\.html#ticket=" + ticket + "&token=[A-Za-z0-9_-]+)")
                .matcher(textOf(mailsAbout("请评价我们的服务").get(0)));
        assertThat(survey.find()).isTrue();
        customer.driver.get("http://localhost:" + port + survey.group(1));
        assertThat(customer.visible(By.cssSelector("[data-ticket]")).getText()).isEqualTo(ticket);
        new Select(customer.visible(By.id("satisfaction"))).selectByValue("5");
        new Select(customer.driver.findElement(By.id("nps"))).selectByValue("9");
        customer.driver.findElement(By.id("comment")).sendKeys("处理很快，谢谢");
        customer.click(By.cssSelector("form button[type=submit]"));
        customer.waitUpTo.until(driver -> "感谢您的反馈。".equals(driver.findElement(By.id("status")).getText()));
        executeDueJobs();
        assertThat(reload(complaint).status()).isEqualTo("CLOSED");
        customer.driver.get(progressLink);
        customer.driver.navigate().refresh();
        assertThat(customer.visible(By.id("state")).getText()).isEqualTo("已关闭：问题已解决。");

        Browser manager = open("manager", "zh-CN", "1400,1600");
        manager.logIn(port, "cockpit", "manager");
        assertThat(manager.visible(By.cssSelector(".closed-complaints h3")).getText()).isEqualTo("已关闭的投诉");
        manager.visible(By.id("closed-complaints-search")).sendKeys(ticket);
        WebElement closed = manager.visible(By.cssSelector(".closed-complaints tr[data-ticket='" + ticket + "']"));
        assertThat(closed.getText()).startsWith(ticket).endsWith("COMPLETED");
    }

    @Test
    void thePortalSpeaksTheBrowsersLanguageSwitchesOnRequestAndNamesEachBadField() throws Throwable {
        Browser customer = open("customer-en", "en-US", "390,1600");
        int complaintsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class);
        try {
            customer.driver.get("http://localhost:" + port + "/portal/");
            assertThat(customer.visible(By.tagName("h1")).getText()).isEqualTo("Tell us about a problem");
            customer.driver.findElement(By.id("customer-email")).sendKeys("wang fang@example");
            customer.click(By.cssSelector("#file button[type=submit]"));
            assertThat(customer.visible(By.cssSelector("[data-error-for='subject']")).getText()).isEqualTo("is required");
            assertThat(customer.driver.findElement(By.cssSelector("[data-error-for='category']")).getText())
                    .isEqualTo("Please choose one from the list.");
            assertThat(customer.driver.findElement(By.cssSelector("[data-error-for='customer.email']")).getText())
                    .isEqualTo("is not an e-mail address");
            assertThat(customer.driver.findElement(By.id("status")).getText()).isEqualTo("Please check the marked fields.");

            customer.click(By.id("language"));
            customer.waitUpTo.until(driver -> "提交问题或意见".equals(driver.findElement(By.tagName("h1")).getText()));
            customer.driver.navigate().refresh();
            assertThat(customer.visible(By.tagName("h1")).getText()).as("the choice stays").isEqualTo("提交问题或意见");
            assertThat(customer.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
            customer.click(By.cssSelector("#file button[type=submit]"));
            customer.waitUpTo.until(driver -> "必填".equals(driver.findElement(By.cssSelector("[data-error-for='subject']")).getText()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class)).isEqualTo(complaintsBefore);
        } catch (Throwable failure) {
            customer.screenshot(SCREENSHOTS);
            throw failure;
        }
    }

    @Test
    void aLinkThatOpensNothingLeadsToANewOneByMail() throws Throwable {
        ClockUtil.setCurrentTime(new Date());
        Complaint complaint = submit("problem", "usage", "standard");
        executeDueJobs();
        Browser customer = open("customer-lost-link", "en-US", "390,1600");
        try {
            customer.driver.get("http://localhost:" + port + "/portal/progress.html#ticket=" + complaint.ticketNumber()
                    + "&token=worn-out");
            customer.waitUpTo.until(driver -> driver.findElement(By.id("status")).getText().startsWith("No ticket matches"));
            customer.click(By.cssSelector("#new-link-offer a"));
            assertThat(customer.visible(By.tagName("h1")).getText()).isEqualTo("A new link to your ticket");
            assertThat(customer.driver.findElement(By.id("ticketNumber")).getDomProperty("value")).isEqualTo(complaint.ticketNumber());
            customer.driver.findElement(By.id("email")).sendKeys("mei.lin@example.com");
            customer.click(By.cssSelector("#new-link button[type=submit]"));
            customer.waitUpTo.until(driver -> driver.findElement(By.id("status")).getText()
                    .startsWith("If the ticket number and the e-mail address belong together"));
            assertThat(customer.driver.findElement(By.id("new-link")).isDisplayed()).isFalse();

            executeDueJobs();
            Matcher link = Pattern.compile("http://localhost:8080(/portal/progress\\.html#ticket=" + complaint.ticketNumber()
                    + "&token=[A-Za-z0-9_-]+)").matcher(textOf(mailsAbout("A new link to your ticket").get(0)));
            assertThat(link.find()).isTrue();
            customer.driver.get("http://localhost:" + port + link.group(1));
            customer.driver.navigate().refresh();
            assertThat(customer.visible(By.id("ticket")).getText()).isEqualTo(complaint.ticketNumber());
            assertThat(customer.visible(By.id("state")).getText()).isNotBlank();
        } catch (Throwable failure) {
            customer.screenshot(SCREENSHOTS);
            throw failure;
        }
    }

    /**
     * Opens the complaint's task from the queue, claims it, fills the form and completes it. Tasklist draws the form
     * anew once the claim is through, which may drop what was typed before: the form is filled (again) until Tasklist
     * enables "完成".
     */
    private void work(Browser agent, String ticket, String taskName, String taskKey, Runnable fillIn) {
        agent.click(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(.,'" + ticket + "')][contains(.,'" + taskName + "')]//a"));
        By ticketField = By.xpath("//label[contains(.,'Ticket')]/following::input[1]");
        agent.waitUpTo.ignoring(StaleElementReferenceException.class)
                .until(driver -> ticket.equals(driver.findElement(ticketField).getDomProperty("value")));
        agent.click(By.xpath("//button[normalize-space(.)='认领']"));
        agent.waitUpTo.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(ticket)
                .taskDefinitionKey(taskKey).taskAssignee("agent1").count() == 1);
        By complete = By.xpath("//button[normalize-space(.)='完成']");
        agent.waitUpTo.ignoring(StaleElementReferenceException.class).until(driver -> {
            fillIn.run();
            return driver.findElement(complete).isEnabled();
        });
        agent.click(complete);
        agent.waitUpTo.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(ticket)
                .taskDefinitionKey(taskKey).count() == 0);
    }

    /** Types the text into the form's text area under this label, unless it holds it already. */
    private static void write(Browser agent, String label, String text) {
        WebElement area = agent.visible(By.xpath("//label[contains(.,'" + label + "')]/following::textarea[1]"));
        if (!text.equals(area.getDomProperty("value"))) {
            area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            area.sendKeys(text);
        }
    }

    /** Picks the radio option whose label contains the text, unless it is picked already. */
    private static void choose(Browser agent, String option) {
        WebElement label = agent.visible(By.xpath("//label[contains(.,'" + option + "')]"));
        String forId = label.getDomAttribute("for");
        WebElement radio = forId != null ? agent.driver.findElement(By.id(forId)) : label.findElement(By.xpath(".//input"));
        if (!radio.isSelected()) {
            label.click();
        }
    }
}
