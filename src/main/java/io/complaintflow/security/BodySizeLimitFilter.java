package io.complaintflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API bodies above the limit with 413, whether or not the client announced their length. */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final int maxBytes;

    public BodySizeLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        JsonRefusal.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes");
    }
}
