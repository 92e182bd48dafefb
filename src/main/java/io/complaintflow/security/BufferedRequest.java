package io.complaintflow.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** A request whose body was read ahead by a filter and is served again to what comes after it. */
final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    /** The request with its body (at most maxBytes of it) read ahead, so a filter can look at it. */
    static BufferedRequest of(HttpServletRequest request, int maxBytes) throws IOException {
        return new BufferedRequest(request, request.getInputStream().readNBytes(maxBytes));
    }

    String text() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            public boolean isFinished() {
                return in.available() == 0;
            }

            public boolean isReady() {
                return true;
            }

            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }

            public int read() {
                return in.read();
            }

            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
