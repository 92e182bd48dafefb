package io.complaintflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer portal over HTTP, as its pages use it: filing in the customer's language, the private link (hashed,
 * expiring, no ticket enumeration), the progress a customer sees and what they may do, one survey answer per link.
 */
class CustomerPortalTest extends ComplaintFlowTestBase {
    /** Tuesday 10:00 in Shanghai. */
    static final Instant MORNING = Instant.parse("2026-12-01T02:00:00Z");
    static final String FILED = """
            {"type":"problem","category":"payment","subject":"扣款两次","description":"订单 4711 被扣款两次 <img src=x onerror=alert(1)>",
             "locale":"zh-CN","customer":{"name":"王芳","email":"wang.fang@example.com","phone":"+86 10 1234 5678"}}""";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired io.complaintflow.security.PortalTokens portalTokens;
    TestHttp http;

    @BeforeEach
    void atTenInShanghai() {
        http = new TestHttp(port);
        ClockUtil.setCurrentTime(Date.from(MORNING));
    }

    HttpResponse<String> post(String path, String body, String language) {
        return http.send("POST", path, null, body.getBytes(StandardCharsets.UTF_8),
                language == null ? Map.of() : Map.of("Accept-Language", language));
    }

    JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    record Filed(String ticket, String token, JsonNode receipt) {
        String link() {
            return "{\"ticketNumber\":\"%s\",\"token\":\"%s\"}".formatted(ticket, token);
        }
    }

    Filed file() throws Exception {
        HttpResponse<String> created = post("/api/portal/complaints", FILED, "zh-CN");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode receipt = read(created);
        Matcher link = Pattern.compile("^/portal/progress\\.html#ticket=(CF-\\d{4}-\\d{6})&token=([A-Za-z0-9_-]{43})$")
                .matcher(receipt.get("progressLink").asText());
        assertThat(link.matches()).as(receipt.toString()).isTrue();
        assertThat(link.group(1)).isEqualTo(receipt.get("ticketNumber").asText());
        return new Filed(link.group(1), link.group(2), receipt);
    }

    JsonNode progress(Filed filed) throws Exception {
        HttpResponse<String> answer = post("/api/portal/progress", filed.link(), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return read(answer);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCustomerFilesAComplaintAndGetsTheTicketThePromisedAnswerTimeAndAPrivateLink() throws Exception {
        Filed filed = file();
        // an important problem: answered within one hour
        assertThat(filed.receipt().get("firstResponseDue").asText()).isEqualTo("2026-12-01T03:00:00Z");
        assertThat(filed.receipt().get("status").asText()).isEqualTo("RECEIVED");
        Complaint c = complaints.findByTicketNumber(filed.ticket()).orElseThrow();
        assertThat(c.channel()).isEqualTo("portal");
        assertThat(c.locale()).isEqualTo("zh-CN");
        assertThat(c.customer().segment()).as("a customer cannot make themselves VIP").isEqualTo("standard");
        assertThat(c.description()).isEqualTo("订单 4711 被扣款两次 <img src=x onerror=alert(1)>");
        // only the token's SHA-256 is stored, valid for 90 days
        assertThat(jdbc.queryForList("SELECT token_hash FROM portal_token WHERE complaint_id = ?", String.class, c.id()))
                .contains(sha256(filed.token()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_token WHERE token_hash = ?", Integer.class, filed.token()))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT expires_at FROM portal_token WHERE token_hash = ?",
                java.time.OffsetDateTime.class, sha256(filed.token())).toInstant()).isEqualTo(MORNING.plus(Duration.ofDays(90)));

        JsonNode progress = progress(filed);
        assertThat(progress.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(progress.get("subject").asText()).isEqualTo("扣款两次");
        assertThat(progress.at("/firstResponse/promised").asText()).isEqualTo("2026-12-01T03:00:00Z");
        assertThat(progress.at("/firstResponse/actual").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheCustomersLanguageAndNothingIsSaved() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class);
        String bad = """
                {"type":"problem","category":"payment","subject":" ","description":"扣款两次","locale":"zh-CN",
                 "customer":{"name":"王芳","email":"wang fang@example","phone":"call me"}}""";
        HttpResponse<String> chinese = post("/api/portal/complaints", bad, "zh-CN,zh;q=0.9");
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(read(chinese).get("fields").toString()).isEqualTo("""
                [{"field":"subject","reason":"必填"},{"field":"customer.email","reason":"不是有效的邮箱地址"},\
                {"field":"customer.phone","reason":"只能包含数字、空格、+、-、( 和 )"}]""");
        HttpResponse<String> english = post("/api/portal/complaints", bad, "en-GB");
        assertThat(read(english).get("fields").toString()).isEqualTo("""
                [{"field":"subject","reason":"is required"},{"field":"customer.email","reason":"is not an e-mail address"},\
                {"field":"customer.phone","reason":"may hold only digits, spaces, +, -, ( and )"}]""");
        HttpResponse<String> vip = post("/api/portal/complaints", FILED.replace("\"phone\"", "\"segment\":\"vip\",\"phone\""), "en");
        assertThat(vip.statusCode()).isEqualTo(400);
        assertThat(read(vip).get("fields").toString()).isEqualTo("[{\"field\":\"customer.segment\",\"reason\":\"is not a field of this request\"}]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class)).isEqualTo(before);
        // the REST API speaks English whatever the browser says
        HttpResponse<String> api = post("/api/complaints", "{\"channel\":\"web\",\"category\":\"payment\",\"description\":\"x\","
                + "\"locale\":\"zh-CN\",\"customer\":{\"name\":\"王芳\",\"email\":\"wang.fang@example.com\"}}", "zh-CN");
        assertThat(read(api).get("fields").toString()).isEqualTo("[{\"field\":\"subject\",\"reason\":\"is required\"}]");
    }

    @Test
    void anUnknownTicketAWrongTokenAndAnExpiredLinkGetTheSameAnswer() throws Exception {
        Filed filed = file();
        Filed other = file();
        List<String> attempts = List.of(
                "{\"ticketNumber\":\"CF-2026-999999\",\"token\":\"%s\"}".formatted(filed.token()),
                "{\"ticketNumber\":\"%s\",\"token\":\"%s\"}".formatted(filed.ticket(), other.token()),
                "{\"ticketNumber\":\"%s\",\"token\":\"guess\"}".formatted(filed.ticket()),
                "{\"ticketNumber\":\"%s\"}".formatted(filed.ticket()));
        String expected = """
                {"status":404,"error":"No ticket matches this number and link. The link may be incomplete or expired: \
                the newest mail from us about this ticket carries a working one, or ask for a new link below.","message":"No \
                ticket matches this number and link. The link may be incomplete or expired: the newest mail from us about this \
                ticket carries a working one, or ask for a new link below.","fields":[]}""";
        for (String attempt : attempts) {
            for (String path : List.of("/api/portal/progress", "/api/portal/surveys", "/api/portal/replies", "/api/portal/problem-back")) {
                HttpResponse<String> refused = post(path, attempt, "en");
                assertThat(refused.statusCode()).as(path + " " + attempt).isEqualTo(404);
                assertThat(refused.body()).as(path + " " + attempt).isEqualTo(expected);
            }
        }
        assertThat(post("/api/portal/progress", filed.link(), "zh-CN").statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(MORNING.plus(Duration.ofDays(90))));
        HttpResponse<String> expired = post("/api/portal/progress", filed.link(), "en");
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).isEqualTo(expected);
        // the daily clean-up deletes every expired token and no other
        int unexpired = jdbc.queryForObject("SELECT COUNT(*) FROM portal_token WHERE expires_at > ?", Integer.class,
                MORNING.plus(Duration.ofDays(90)).atOffset(java.time.ZoneOffset.UTC));
        assertThat(portalTokens.deleteExpired()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_token", Integer.class)).isEqualTo(unexpired);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_token WHERE token_hash = ?", Integer.class, sha256(filed.token())))
                .isZero();
    }

    @Test
    void theCustomerSeesTheirStepsAndTimesWithoutStaffNamesOrInternalNotesAndWhatTheyCanDo() throws Exception {
        Filed filed = file();
        Complaint c = complaints.findByTicketNumber(filed.ticket()).orElseThrow();
        executeDueJobs();
        moveClockBy(Duration.ofMinutes(20));
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "confirmationNote", "internal: looks like gateway retry", "informationRequest", "请提供订单号和扣款时间"));
        executeDueJobs();
        JsonNode waiting = progress(filed);
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
        assertThat(waiting.get("actions").toString()).isEqualTo("[\"ANSWER_QUESTION\"]");
        assertThat(waiting.at("/firstResponse/actual").asText()).isEqualTo("2026-12-01T02:20:00Z");

        HttpResponse<String> emptyAnswer = post("/api/portal/replies", filed.link().replace("}", ",\"message\":\" \"}"), "zh-CN");
        assertThat(read(emptyAnswer).get("fields").toString()).isEqualTo("[{\"field\":\"message\",\"reason\":\"必填，最多 10000 个字符\"}]");
        assertThat(post("/api/portal/replies", filed.link().replace("}", ",\"message\":\"订单 4711，12 月 1 日 9:58\"}"), "zh-CN")
                .statusCode()).isEqualTo(202);
        assertThat(post("/api/portal/replies", filed.link().replace("}", ",\"message\":\"again\"}"), "zh-CN").body())
                .contains("我们目前没有在等待此工单的补充信息。");
        complete(c, "ReviewInformation", "agent1", Map.of("confirmation", "confirmed"));
        complete(c, "DecideSolution", "agent1", Map.of("solution", "退还重复扣款", "rootCause", "internal: gateway retried twice",
                "approvalNeeded", false));
        moveClockBy(Duration.ofHours(2));
        complete(c, "ImplementSolution", "agent1", Map.of("implementation", "resolved", "implementationNote", "internal: refunded in admin tool"));
        executeDueJobs();

        JsonNode resolved = progress(filed);
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("actions").toString()).isEqualTo("[\"REPORT_PROBLEM_BACK\"]");
        assertThat(resolved.at("/resolution/promised").asText()).isEqualTo("2026-12-02T02:00:00Z");
        assertThat(resolved.at("/resolution/actual").asText()).isEqualTo("2026-12-01T04:20:00Z");
        List<String> steps = new java.util.ArrayList<>();
        resolved.get("timeline").forEach(s -> steps.add(s.get("kind").asText() + (s.get("text").isNull() ? "" : ":" + s.get("text").asText())));
        assertThat(steps).containsExactly("RECEIVED", "MAIL_SENT:acknowledgement", "INFORMATION_REQUESTED:请提供订单号和扣款时间",
                "MAIL_SENT:informationRequest", "CUSTOMER_REPLIED:订单 4711，12 月 1 日 9:58", "CONFIRMED", "IMPLEMENTED",
                "MAIL_SENT:resolutionNotice");
        assertThat(resolved.toString()).doesNotContain("agent1", "internal:", "TRIAGED", "SLA", "L1", "tier", "王芳", "wang.fang");

        // the survey mail's own link: the survey once, then not offered again with that link
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        Matcher mailed = Pattern.compile("/portal/survey\\.html#ticket=(CF-[0-9-]+)&token=([A-Za-z0-9_-]+)")
                .matcher(textOf(mailsAbout("请评价我们的服务").get(0)));
        assertThat(mailed.find()).isTrue();
        Filed survey = new Filed(mailed.group(1), mailed.group(2), null);
        assertThat(progress(survey).get("actions").toString()).isEqualTo("[\"ANSWER_SURVEY\",\"REPORT_PROBLEM_BACK\"]");
        String answer = survey.link().replace("}", ",\"satisfaction\":5,\"nps\":9}");
        assertThat(post("/api/portal/surveys", answer, "zh-CN").statusCode()).isEqualTo(202);
        HttpResponse<String> again = post("/api/portal/surveys", answer, "zh-CN");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again).get("message").asText()).isEqualTo("此链接已用于提交满意度调查。");
        executeDueJobs();
        JsonNode closed = progress(survey);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("resolved");
        assertThat(closed.get("actions").toString()).isEqualTo("[]");
        assertThat(closed.at("/closedAt").asText()).isEqualTo("2026-12-04T04:21:00Z");
    }

    @Test
    void duringTheObservationPeriodTheCustomerCanSayTheProblemIsBack() throws Exception {
        Filed filed = file();
        Complaint c = complaints.findByTicketNumber(filed.ticket()).orElseThrow();
        executeDueJobs();
        HttpResponse<String> tooEarly = post("/api/portal/problem-back", filed.link().replace("}", ",\"message\":\"又扣款了\"}"), "en");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(read(tooEarly).get("message").asText()).isEqualTo("This ticket is not being watched any more; please file a new complaint.");
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "confirmed"));
        complete(c, "DecideSolution", "agent1", Map.of("solution", "退款", "rootCause", "重试", "approvalNeeded", false));
        complete(c, "ImplementSolution", "agent1", Map.of("implementation", "resolved", "implementationNote", "done"));
        executeDueJobs();
        assertThat(post("/api/portal/problem-back", filed.link().replace("}", ",\"message\":\"又扣款了\"}"), "zh-CN").statusCode())
                .isEqualTo(202);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ReviewReopen");
        assertThat(timeline.latest(c.id(), "CUSTOMER_REPLIED").orElseThrow().detail()).isEqualTo("又扣款了");
    }

    @Test
    void everyCustomerMailLinksToTheProgressPageWithATokenOfItsOwn() throws Exception {
        Filed filed = file();
        executeDueJobs();
        String acknowledgement = textOf(mail.getReceivedMessages()[0]);
        Matcher link = Pattern.compile("http://localhost:8080/portal/progress\\.html#ticket=(CF-[0-9-]+)&token=([A-Za-z0-9_-]+)")
                .matcher(acknowledgement);
        assertThat(link.find()).as(acknowledgement).isTrue();
        assertThat(link.group(2)).isNotEqualTo(filed.token());
        assertThat(progress(new Filed(link.group(1), link.group(2), null)).get("ticketNumber").asText()).isEqualTo(filed.ticket());
        assertThat(htmlOf(mail.getReceivedMessages()[0])).contains("href=\"http://localhost:8080/portal/progress.html#ticket="
                + filed.ticket() + "&amp;token=" + link.group(2) + "\"");
    }

    static final String NEW_LINK_NOTICE = "If the ticket number and the e-mail address belong together, a mail with a new link "
            + "is on its way to that address. It can take a few minutes; look in your spam folder too.";

    HttpResponse<String> askForNewLink(String ticket, String email, String language) {
        return post("/api/portal/new-link", "{\"ticketNumber\":\"%s\",\"email\":\"%s\"}".formatted(ticket, email), language);
    }

    @Test
    void aCustomerWhoLostTheLinkGetsANewOneByMailAndTheAnswerTellsNobodyWhichTicketsExist() throws Exception {
        Filed filed = file();
        executeDueJobs();
        int before = mail.getReceivedMessages().length;
        // the ticket's own address, written otherwise: the notice, and a mail with a fresh link
        HttpResponse<String> asked = askForNewLink(filed.ticket(), " Wang.Fang@Example.COM ", "en");
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(read(asked).get("message").asText()).isEqualTo(NEW_LINK_NOTICE);
        // another address, an unknown ticket: the very same answer, and no mail
        for (HttpResponse<String> refused : List.of(askForNewLink(filed.ticket(), "li.lei@example.com", "en"),
                askForNewLink("CF-2026-999999", "wang.fang@example.com", "en"))) {
            assertThat(refused.statusCode()).isEqualTo(202);
            assertThat(refused.body()).isEqualTo(asked.body());
        }
        assertThat(read(askForNewLink("CF-2026-999999", "wang.fang@example.com", "zh-CN")).get("message").asText())
                .isEqualTo("如果工单号与电子邮件地址相符，附有新链接的邮件正在发往该地址。可能需要几分钟，也请查看垃圾邮件文件夹。");
        executeDueJobs();
        assertThat(mail.getReceivedMessages()).hasSize(before + 1);
        MimeMessage newLink = mail.getReceivedMessages()[before];
        assertThat(newLink.getAllRecipients()).extracting(Object::toString).containsExactly("wang.fang@example.com");
        assertThat(newLink.getSubject()).endsWith("您的工单新链接");
        Matcher link = Pattern.compile("http://localhost:8080/portal/progress\\.html#ticket=(CF-[0-9-]+)&token=([A-Za-z0-9_-]+)")
                .matcher(textOf(newLink));
        assertThat(link.find()).as(textOf(newLink)).isTrue();
        assertThat(link.group(1)).isEqualTo(filed.ticket());
        assertThat(progress(new Filed(link.group(1), link.group(2), null)).get("ticketNumber").asText()).isEqualTo(filed.ticket());
        Complaint c = complaints.findByTicketNumber(filed.ticket()).orElseThrow();
        assertThat(timeline.latest(c.id(), EventKind.MAIL_SENT, "portalLink")).isPresent();

        // one new link per ticket in ten minutes, whoever asks: nobody can flood the customer's inbox
        ClockUtil.setCurrentTime(Date.from(MORNING.plus(Duration.ofMinutes(10)).minusSeconds(1)));
        assertThat(askForNewLink(filed.ticket(), "wang.fang@example.com", "en").body()).isEqualTo(asked.body());
        executeDueJobs();
        assertThat(mail.getReceivedMessages()).hasSize(before + 1);
        ClockUtil.setCurrentTime(Date.from(MORNING.plus(Duration.ofMinutes(10)).plusSeconds(1)));
        askForNewLink(filed.ticket(), "wang.fang@example.com", "en");
        executeDueJobs();
        assertThat(mail.getReceivedMessages()).hasSize(before + 2);
        assertThat(timeline.count(c.id(), EventKind.MAIL_SENT, "portalLink")).isEqualTo(2);
    }

    @Test
    void aNewLinkRequestWithoutTicketOrAddressIsRefusedNamingEachFieldInTheCustomersLanguage() throws Exception {
        HttpResponse<String> chinese = askForNewLink(" ", "nope", "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(read(chinese).get("fields").toString()).isEqualTo("""
                [{"field":"ticketNumber","reason":"必填，最多 40 个字符"},{"field":"email","reason":"不是有效的邮箱地址"}]""");
        HttpResponse<String> english = post("/api/portal/new-link", "{}", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(read(english).get("fields").toString()).isEqualTo("""
                [{"field":"ticketNumber","reason":"is required, at most 40 characters"},{"field":"email","reason":"is required"}]""");
    }

    @Test
    void portalPagesRunNoInlineScriptAndLookupsAreCounted() throws Exception {
        for (String page : List.of("index", "progress", "reply", "survey", "link")) {
            HttpResponse<String> html = http.get("/portal/" + page + ".html", null);
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'");
            assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html.body()).find()).as(page + ": inline script").isFalse();
            assertThat(Pattern.compile("\\son[a-z]+=|\\sstyle=|javascript:").matcher(html.body()).find()).as(page + ": inline handler").isFalse();
        }
        assertThat(http.get("/portal/", null).headers().firstValue("Location").orElse("")).endsWith("/portal/index.html");
        Filed filed = file();
        int first = Integer.parseInt(post("/api/portal/progress", filed.link(), null).headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        // the filter counts every lookup (PortalRateLimitTest pins the counting; this context's limit is raised)
        assertThat(first).isLessThan(10000);
    }
}
