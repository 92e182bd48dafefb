package io.complaintflow.security;

import io.complaintflow.engine.EngineClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's private links: a random token (256 bits) that names one complaint until it expires
 * ({@code complaintflow.portal.token-validity}). Only its SHA-256 is stored, so the table alone opens no ticket.
 * A ticket number with a wrong, expired or unknown token is refused exactly like an unknown ticket.
 */
@Service
public class PortalTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token that matched its ticket: which complaint, and which token row (one survey answer per token). */
    public record Access(long tokenId, long complaintId) {
    }

    private final JdbcTemplate jdbc;
    private final Duration validity;
    private final TransactionTemplate ownTransaction;

    public PortalTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        @Value("${complaintflow.portal.token-validity:P90D}") Duration validity) {
        this.jdbc = jdbc;
        this.validity = validity;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A new token for the complaint, in the caller's transaction (e.g. with the complaint itself). */
    public String issue(long complaintId) {
        String token = newToken();
        OffsetDateTime now = EngineClock.now();
        jdbc.update("INSERT INTO portal_token (complaint_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                complaintId, hash(token), now, now.plus(validity));
        return token;
    }

    /**
     * A new token committed at once: a mail is sent before its job's transaction ends, and a link that went out
     * must work even if that transaction is rolled back later.
     */
    public String issueCommitted(long complaintId) {
        return ownTransaction.execute(status -> issue(complaintId));
    }

    /** The complaint this unexpired token opens, if its ticket number is the one given; empty for anything else. */
    public Optional<Access> open(String ticketNumber, String token) {
        if (ticketNumber == null || token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.query("SELECT t.id, t.complaint_id FROM portal_token t JOIN complaint c ON c.id = t.complaint_id "
                        + "WHERE t.token_hash = ? AND c.ticket_number = ? AND t.expires_at > ?",
                (rs, i) -> new Access(rs.getLong(1), rs.getLong(2)), hash(token), ticketNumber, EngineClock.now())
                .stream().findFirst();
    }

    /** Expired tokens open nothing; once a day they are deleted, by one node at a time. */
    @Scheduled(cron = "${complaintflow.portal.token-cleanup:0 17 3 * * *}")
    @SchedulerLock(name = "portal-token-cleanup", lockAtMostFor = "PT10M")
    public void cleanUp() {
        deleteExpired();
    }

    /** Returns how many expired tokens it deleted. */
    public int deleteExpired() {
        return jdbc.update("DELETE FROM portal_token WHERE expires_at <= ?", EngineClock.now());
    }

    /** Whether this token may still answer the survey; marks it used. */
    public boolean useForSurvey(Access access) {
        return jdbc.update("UPDATE portal_token SET survey_answered_at = ? WHERE id = ? AND survey_answered_at IS NULL",
                EngineClock.now(), access.tokenId()) == 1;
    }

    /** Whether this token answered a survey already. */
    public boolean usedForSurvey(Access access) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM portal_token WHERE id = ? AND survey_answered_at IS NOT NULL",
                Integer.class, access.tokenId()) > 0;
    }

    /**
     * The path of a portal page opened with a token, e.g. {@code /portal/progress.html#ticket=CF-…&token=…}. The token
     * travels after #, which browsers never send: no access log, proxy or Referer sees it.
     */
    public static String link(String page, String ticketNumber, String token) {
        return "/portal/" + page + ".html#ticket=" + ticketNumber + "&token=" + token;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256, hex: a token is random and long, so no salt or slow hash is needed to keep it unguessable. */
    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
