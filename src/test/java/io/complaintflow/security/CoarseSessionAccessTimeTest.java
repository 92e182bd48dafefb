package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A webapp login's row is written when its last-access time is a minute behind, not on every read. */
@TestPropertySource(properties = {
        // the webapps serve the engine named "default"; this context's engine must carry that name
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.process-engine-name=default"})
@DirtiesContext
class CoarseSessionAccessTimeTest extends ComplaintFlowTestBase {
    @LocalServerPort int port;
    private final FindByIndexNameSessionRepository<Session> sessions;

    @SuppressWarnings("unchecked")
    @Autowired
    CoarseSessionAccessTimeTest(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
    }

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap("SELECT LAST_ACCESS_TIME, EXPIRY_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", sessionId);
    }

    @Test
    void theAccessTimeMovesOnlyOnceItIsAMinuteBehind() {
        Session created = sessions.createSession();
        created.setAttribute("note", "first");
        sessions.save(created);
        Instant stored = created.getLastAccessedTime();
        long timeout = created.getMaxInactiveInterval().toMillis();

        Session read = sessions.findById(created.getId());
        read.setLastAccessedTime(stored.plusSeconds(59));
        read.setAttribute("note", "second");
        sessions.save(read);
        assertThat(row(created.getId())).as("59 s later: the attribute written, the time kept")
                .containsEntry("LAST_ACCESS_TIME", stored.toEpochMilli())
                .containsEntry("EXPIRY_TIME", stored.toEpochMilli() + timeout);
        assertThat((String) sessions.findById(created.getId()).getAttribute("note")).isEqualTo("second");

        read = sessions.findById(created.getId());
        read.setLastAccessedTime(stored.plusSeconds(60));
        sessions.save(read);
        assertThat(row(created.getId())).as("60 s later: moved")
                .containsEntry("LAST_ACCESS_TIME", stored.plusSeconds(60).toEpochMilli())
                .containsEntry("EXPIRY_TIME", stored.plusSeconds(60).toEpochMilli() + timeout);
    }

    @Test
    void tasklistReadsLeaveTheLoginsRowAsItWas() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String webapp = "http://localhost:" + port + "/camunda";
        browser.send(HttpRequest.newBuilder(URI.create(webapp + "/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(webapp + "/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie(browser, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=agent1&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // a login starts a new session; Tasklist first asks who is logged in, and that read brings the session's CSRF token
        browser.send(HttpRequest.newBuilder(URI.create(webapp + "/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.discarding());
        String sessionId = new String(Base64.getDecoder().decode(cookie(browser, "SESSION")), StandardCharsets.UTF_8);
        Map<String, Object> afterLogin = row(sessionId);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> count = browser.send(HttpRequest.newBuilder(
                    URI.create(webapp + "/api/engine/engine/default/filter/count?resourceType=Task&itemCount=false"))
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", cookie(browser, "XSRF-TOKEN")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(count.statusCode()).as("still logged in: %s", count.body()).isEqualTo(200);
        }
        assertThat(row(sessionId)).isEqualTo(afterLogin);
    }

    private static String cookie(HttpClient browser, String name) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    }
}
