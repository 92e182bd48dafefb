package io.complaintflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.complaintflow.web.CustomerLanguage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customer portal's requests per client address (Bucket4j token buckets): filing a complaint, and the
 * lookups with a link (progress, reply, survey, problem back). Past a limit the address gets 429 with Retry-After
 * and a message in its language. Behind the reverse proxy the address is the client's (prod: X-Forwarded-For from
 * trusted proxies only).
 */
public class PortalRateLimit extends OncePerRequestFilter {
    static final String SUBMISSIONS = "/api/portal/complaints";

    private final RateLimit submissions;
    private final RateLimit lookups;
    private final Cache<String, Bucket> submitters;
    private final Cache<String, Bucket> lookers;
    private final MessageSource messages;

    public PortalRateLimit(RateLimit submissions, RateLimit lookups, MessageSource messages) {
        this.submissions = submissions;
        this.lookups = lookups;
        this.messages = messages;
        this.submitters = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(submissions.period()).build();
        this.lookers = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(lookups.period()).build();
    }

    /** An IPv4 address, or an IPv6 address's /64 network: one subscriber gets a whole /64. */
    static String client(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        if (address.contains("::") || groups.length < 4) {
            groups = expand(address);
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    private static String[] expand(String address) {
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            String[] groups = new String[bytes.length / 2];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = Integer.toHexString(((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
            }
            return groups.length >= 4 ? groups : new String[] {address, "", "", ""};
        } catch (java.net.UnknownHostException notAnAddress) {
            return new String[] {address, "", "", ""};
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the servlet path is decoded and normalised: /api/portal/%63omplaints is counted as a complaint too
        boolean submission = SUBMISSIONS.equals(request.getServletPath());
        String client = client(request.getRemoteAddr());
        Bucket bucket = submission
                ? submitters.get(client, a -> submissions.newBucket())
                : lookers.get(client, a -> lookups.newBucket());
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
