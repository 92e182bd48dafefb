package io.complaintflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Plain HTTP against the running test application, as a customer, an agent with curl or a browser would send it. */
public final class TestHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;

    public TestHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String method, String path, String user, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user, "demo"));
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String user, String json) {
        return send("POST", path, user, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public HttpResponse<String> put(String path, String user, String json) {
        return send("PUT", path, user, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public HttpResponse<String> get(String path, String user) {
        return send("GET", path, user, null, Map.of());
    }

    public HttpResponse<String> delete(String path, String user) {
        return send("DELETE", path, user, null, Map.of());
    }
}
