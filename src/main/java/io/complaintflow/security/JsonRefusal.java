package io.complaintflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The JSON error body of our API (as ApiErrors writes it) for refusals made before a controller runs. */
final class JsonRefusal {
    private JsonRefusal() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\",\"message\":\"" + message
                + "\",\"fields\":[]}");
    }
}
