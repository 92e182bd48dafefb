package io.complaintflow.security;

import io.complaintflow.web.CustomerLanguage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

    private final RateLimit.Buckets submitters;
    private final RateLimit.Buckets lookers;
    private final MessageSource messages;

    public PortalRateLimit(RateLimit submissions, RateLimit lookups, MessageSource messages) {
        this.submitters = submissions.perKey();
        this.lookers = lookups.perKey();
        this.messages = messages;
    }

    /** An IPv4 address, or an IPv6 address's /64 network: one subscriber gets a whole /64. */
    static String client(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            // a literal (the servlet's remote address always is one): parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return parsed.getHostAddress();  // an IPv4 address written as IPv6 (::ffff:a.b.c.d)
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network + ":/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
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
