package io.complaintflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mail template in both languages: the subject carries the ticket, user text is escaped in HTML. */
class MailTemplatesTest {
    private static final MailTemplates TEMPLATES = new MailTemplates();
    private static final String HOSTILE = "<script>alert('x')</script> & 扣款两次";

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        List<String> names = Stream.concat(Stream.of(CustomerMessage.values()).map(CustomerMessage::key),
                Stream.of("slaWarning", "supervisorDigest")).toList();
        return names.stream().flatMap(name -> Stream.of(Arguments.of(name, "en"), Arguments.of(name, "zh-CN")));
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", "CF-2026-000042");
        model.put("name", "王芳");
        for (String userText : List.of("subject", "question", "explanation", "cause", "solution", "evaluation")) {
            model.put(userText, HOSTILE);
        }
        model.put("respondBy", "2026-11-23 10:15 (Asia/Shanghai)");
        model.put("original", "CF-2026-000001");
        model.put("compensation", "a coupon worth 50");
        model.put("replyLink", "http://localhost:8080/portal/reply.html?ticket=CF-2026-000042&token=abc");
        model.put("surveyLink", "http://localhost:8080/portal/survey.html?ticket=CF-2026-000042&token=abc");
        model.put("headline", "escalated to the next tier");
        model.put("type", "problem");
        model.put("priority", "urgent");
        model.put("segment", "vip");
        model.put("tier", "L3");
        model.put("escalations", 1);
        model.put("responseSla", "Met · due 2026-11-23 10:15 (Asia/Shanghai)");
        model.put("resolutionSla", "BREACHED · due 2026-11-23 12:00 (Asia/Shanghai)");
        model.put("tasks", List.of(Map.of("name", "Decide solution",
                "link", "http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1")));
        // the supervisors' digest: two alerts, one shown in detail
        Map<String, Object> alert = new HashMap<>(model);
        model.put("count", 2);
        model.put("kinds", List.of(Map.of("headline", "escalated to the next tier", "count", 1L),
                Map.of("headline", "first response deadline missed", "count", 1L)));
        model.put("alerts", List.of(alert));
        model.put("notListed", 1);
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void rendersSubjectTextAndEscapedHtml(String name, String language) {
        MailTemplates.Mail mail = TEMPLATES.render(name, language, model());
        assertThat(mail.subject()).startsWith("[CF-2026-000042] ").doesNotContain("\n");
        assertThat(mail.text()).isNotBlank().doesNotContain("${", "[(");
        assertThat(mail.html()).contains("<html").doesNotContain("<script>", "th:");
        if (mail.text().contains("alert('x')")) {
            assertThat(mail.html()).contains("&lt;script&gt;");
        }
        if (language.equals("zh-CN") && !name.equals("slaWarning") && !name.equals("supervisorDigest")) {
            assertThat(mail.text()).contains("王芳，您好");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void linksAndTheUsersTextReachBothParts(String name, String language) {
        MailTemplates.Mail mail = TEMPLATES.render(name, language, model());
        if (name.equals("surveyInvitation")) {
            assertThat(mail.text()).contains("survey.html?ticket=CF-2026-000042&token=abc");
            assertThat(mail.html()).contains("href=\"http://localhost:8080/portal/survey.html?ticket=CF-2026-000042&amp;token=abc\"");
        }
        if (name.equals("supervisorDigest") || name.equals("slaWarning")) {
            assertThat(mail.text()).contains("#/?task=t-1");
            assertThat(mail.html()).contains("#/?task=t-1");
        }
        if (name.equals("informationRequest")) {
            assertThat(mail.text()).contains(HOSTILE);
        }
    }

    @org.junit.jupiter.api.Test
    void anUnknownLocaleGetsEnglish() {
        assertThat(MailTemplates.languageOf("fr")).isEqualTo("en");
        assertThat(TEMPLATES.render("praiseThanks", "fr", model()).subject()).isEqualTo("[CF-2026-000042] Thank you!");
    }
}
