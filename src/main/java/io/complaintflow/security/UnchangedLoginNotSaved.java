package io.complaintflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapp login filter puts its login back into the session at the end of every request, changed or not.
 * With the sessions in the database (Spring Session JDBC) that was a second write and commit for every read Tasklist
 * makes (bench/README.md). Here the login is put back only when it changed: a new login, or the groups, tenants, apps
 * or cache time Camunda refreshed.
 */
class UnchangedLoginNotSaved extends OncePerRequestFilter {
    static final String LOGIN = "authenticatedUser";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String before = session == null ? null : fingerprint(session.getAttribute(LOGIN));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                HttpSession current = super.getSession(create);
                return current == null ? null : new Unchanged(current, before);
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }
        }, response);
    }

    /** What Camunda keeps of each login: who, in which engine, their groups, tenants and apps, and until when. */
    static String fingerprint(Object login) {
        if (!(login instanceof Authentications authentications)) {
            return null;
        }
        return authentications.getAuthentications().stream().map(user -> user.getIdentityId() + "|" + user.getProcessEngineName()
                        + "|" + user.getGroupIds() + "|" + user.getTenantIds() + "|" + user.getAuthorizedApps()
                        + "|" + (user.getCacheValidationTime() == null ? "" : user.getCacheValidationTime().getTime()))
                .collect(Collectors.joining("\n"));
    }

    /** The session as it is, except that putting back the login as it was read changes nothing. */
    private record Unchanged(HttpSession session, String loginAsRead) implements HttpSession {
        @Override
        public void setAttribute(String name, Object value) {
            if (LOGIN.equals(name) && loginAsRead != null && Objects.equals(loginAsRead, fingerprint(value))) {
                return;
            }
            session.setAttribute(name, value);
        }

        @Override
        public long getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public long getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public jakarta.servlet.ServletContext getServletContext() {
            return session.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public int getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public Object getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public void invalidate() {
            session.invalidate();
        }

        @Override
        public boolean isNew() {
            return session.isNew();
        }
    }
}
