package io.complaintflow.security;

import io.complaintflow.web.CustomerLanguage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customer portal's requests per client address (Bucket4j token buckets): what makes us write or mail (filing a
 * complaint, asking for a new link), and the lookups with a link (progress, reply, survey, problem back). Past a limit the address gets 429 with Retry-After
 * and a message in its language. Behind the reverse proxy the address is the client's (prod: X-Forwarded-For from
 * trusted proxies only).
 */
public class PortalRateLimit extends OncePerRequestFilter {
    static final Set<String> SUBMISSIONS = Set.of("/api/portal/complaints", "/api/portal/new-link");

    private final RateLimit.Buckets submitters;
    private final RateLimit.Buckets lookers;
    private final MessageSource messages;

    public PortalRateLimit(RateLimit submissions, RateLimit lookups, MessageSource messages) {
        this.submitters = submissions.perKey();
        this.lookers = lookups.perKey();
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the servlet path is decoded and normalised: /api/portal/%63omplaints is counted as a complaint too
        boolean submission = SUBMISSIONS.contains(request.getServletPath());
        String client = RateLimit.client(request.getRemoteAddr());
        Bucket bucket = submission ? submitters.of(client) : lookers.of(client);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("X-Rate-Limit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", String.valueOf(seconds));
        JsonRefusal.write(response, 429, messages.getMessage("portal.tooManyRequests", new Object[] {String.valueOf(seconds)},
                CustomerLanguage.of(request)));
    }
}
