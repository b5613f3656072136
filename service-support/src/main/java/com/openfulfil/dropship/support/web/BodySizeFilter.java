package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses request bodies over the configured size with 413 before they are read into anything:
 * one limit for the API, a larger one for webhooks (a marketplace's order payload is bigger).
 * A body sent without Content-Length (chunked) is read up to the limit and refused past it.
 */
final class BodySizeFilter extends OncePerRequestFilter {
    private final int apiMaxBytes;
    private final int webhookMaxBytes;

    BodySizeFilter(int apiMaxBytes, int webhookMaxBytes) {
        this.apiMaxBytes = apiMaxBytes;
        this.webhookMaxBytes = webhookMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int maxBytes = request.getRequestURI().startsWith("/webhooks/") ? webhookMaxBytes : apiMaxBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                tooLarge(response, maxBytes);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response, int maxBytes) throws IOException {
        ProblemResponses.write(response, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "Request body too large", "Request bodies are limited to " + maxBytes + " bytes.", List.of(),
                Map.of()), Map.of());
    }

    /** A request whose (small) body has already been read. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is in memory: it is available at once, and then all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
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
}
