package io.complaintflow.security;

import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are counted per client address and per account at that address (Bucket4j token buckets);
 * past either limit the address gets 429 with Retry-After, before its password is even checked. So one address
 * cannot guess on, and cannot keep someone else's account in Camunda's login delay: that account still logs in
 * from every other address. Covers every login: HTTP Basic (/engine-rest, /api) and the webapps' login form.
 */
public class LoginThrottle extends OncePerRequestFilter {
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+");

    private final RateLimit.Buckets addresses;
    private final RateLimit.Buckets accounts;

    /** At most so many failed logins per address, and per account at one address, within the periods. */
    public LoginThrottle(RateLimit perAddress, RateLimit perAccount) {
        this.addresses = perAddress.perKey();
        this.accounts = perAccount.perKey();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest login = request;
        String user = basicUser(request.getHeader("Authorization"));
        if (user == null && "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches()) {
            BufferedRequest buffered = BufferedRequest.of(request, 8192);
            login = buffered;
            user = formField(buffered.text(), "username");
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = RateLimit.client(request.getRemoteAddr());
        Bucket byAddress = addresses.of(address);
        Bucket byAccount = accounts.of(user + "\n" + address);
        if (byAddress.getAvailableTokens() < 1 || byAccount.getAvailableTokens() < 1) {
            long waitNanos = Math.max(byAddress.estimateAbilityToConsume(1).getNanosToWaitForRefill(),
                    byAccount.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            response.setHeader("Retry-After", String.valueOf(Math.max(1, Duration.ofNanos(waitNanos).toSeconds())));
            JsonRefusal.write(response, 429, "Too many failed logins from this address; try again later");
            return;
        }
        chain.doFilter(login, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            byAddress.tryConsume(1);
            byAccount.tryConsume(1);
        }
    }

    private static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && name.equals(pair.substring(0, eq))) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return "";
    }
}
