package io.complaintflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC moves a session's last-access time on every request, and so writes and commits the session's
 * row for every read Tasklist and Cockpit make (bench/README.md). Here the time is moved only once the stored one is
 * {@code precision} behind, so an idle webapp login ends at most that much before its timeout. Spring Session keeps
 * the write per request on purpose (the servlet contract, spring-session#1065) and has no setting for it.
 */
final class CoarseSessionAccessTime implements FindByIndexNameSessionRepository<Session> {
    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration precision;

    @SuppressWarnings("unchecked")
    CoarseSessionAccessTime(FindByIndexNameSessionRepository<? extends Session> sessions, Duration precision) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.precision = precision;
    }

    @Override
    public Session createSession() {
        return new Coarse(sessions.createSession());
    }

    @Override
    public void save(Session session) {
        sessions.save(((Coarse) session).stored);
    }

    @Override
    public Session findById(String id) {
        Session stored = sessions.findById(id);
        return stored == null ? null : new Coarse(stored);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, stored) -> found.put(id, new Coarse(stored)));
        return found;
    }

    /** The stored session, whose access time moves only by {@code precision} or more. */
    private final class Coarse implements Session {
        private final Session stored;

        Coarse(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (stored.getLastAccessedTime() == null
                    || Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(precision) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
