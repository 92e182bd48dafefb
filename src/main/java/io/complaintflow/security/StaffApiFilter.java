package io.complaintflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our staff API (complaints with customer data, reports) needs a Camunda login over HTTP Basic from a member of
 * the groups given (see WebSecurityFilters). Submitting a complaint (POST /api/complaints) stays open: customers
 * and channels do that.
 */
public class StaffApiFilter extends OncePerRequestFilter {
    private final IdentityService identityService;
    private final List<String> groups;
    private final String refusal;

    /** Members of any of the groups may pass; others get 403 with the refusal. */
    public StaffApiFilter(IdentityService identityService, List<String> groups, String refusal) {
        this.identityService = identityService;
        this.groups = groups;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/complaints".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ComplaintFlow\"");
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in with your ComplaintFlow account");
            return;
        }
        boolean member = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
                .anyMatch(g -> groups.contains(g.getId()));
        if (!member) {
            reject(response, HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\",\"message\":\"" + message
                + "\",\"fields\":[]}");
    }
}
