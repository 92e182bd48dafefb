package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** Camunda's webapp puts its login back into the session after every request; only a changed one is written. */
class UnchangedLoginNotSavedTest {
    /** A session that records what is written into it (with Spring Session JDBC, each write is an UPDATE). */
    static class RecordingSession extends MockHttpSession {
        final List<String> written = new ArrayList<>();

        @Override
        public void setAttribute(String name, Object value) {
            written.add(name);
            super.setAttribute(name, value);
        }
    }

    private static Authentications loginOf(String user, List<String> groups, long validUntil) {
        UserAuthentication login = new UserAuthentication(user, "default");
        login.setGroupIds(groups);
        login.setTenantIds(List.of());
        login.setAuthorizedApps(Set.of("tasklist"));
        login.setCacheValidationTime(new Date(validUntil));
        Authentications authentications = new Authentications();
        authentications.addOrReplace(login);
        return authentications;
    }

    /** A request as Camunda's AuthenticationFilter handles it: the login read, maybe changed, and put back. */
    private static List<String> request(RecordingSession session, java.util.function.UnaryOperator<Authentications> camunda)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/filter/count");
        request.setSession(session);
        session.written.clear();
        new UnchangedLoginNotSaved().doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                var http = (HttpServletRequest) req;
                Authentications read = (Authentications) http.getSession(true).getAttribute(UnchangedLoginNotSaved.LOGIN);
                http.getSession(false).setAttribute(UnchangedLoginNotSaved.LOGIN, camunda.apply(read));
            }
        });
        return session.written;
    }

    @Test
    void anUnchangedLoginIsNotWrittenAgainAChangedOneIs() throws Exception {
        RecordingSession session = new RecordingSession();
        session.setAttribute(UnchangedLoginNotSaved.LOGIN, loginOf("agent1", List.of("agents-l1"), 1_000));
        assertThat(request(session, read -> read)).as("put back as it was read").isEmpty();
        assertThat(request(session, read -> loginOf("agent1", List.of("agents-l1"), 1_000))).as("an equal copy").isEmpty();
        assertThat(request(session, read -> loginOf("agent1", List.of("agents-l1", "agents-l2"), 1_000)))
                .as("a group added by an admin, found when Camunda's cache ran out").containsExactly(UnchangedLoginNotSaved.LOGIN);
        assertThat(request(session, read -> loginOf("agent1", List.of("agents-l1", "agents-l2"), 301_000)))
                .as("the cache's new validation time").containsExactly(UnchangedLoginNotSaved.LOGIN);
        assertThat(request(session, read -> loginOf("agent2", List.of("agents-l2"), 301_000))).as("another login")
                .containsExactly(UnchangedLoginNotSaved.LOGIN);
        assertThat(((Authentications) session.getAttribute(UnchangedLoginNotSaved.LOGIN)).getAuthentications())
                .extracting(a -> a.getIdentityId()).containsExactly("agent2");
    }

    @Test
    void theFirstLoginOfASessionIsWritten() throws Exception {
        RecordingSession session = new RecordingSession();
        assertThat(request(session, read -> loginOf("agent1", List.of("agents-l1"), 1_000))).containsExactly(UnchangedLoginNotSaved.LOGIN);
    }
}
