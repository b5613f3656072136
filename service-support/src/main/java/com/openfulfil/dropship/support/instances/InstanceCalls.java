package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Asks another instance of this service. A request passed on keeps the caller's method, path, query,
 * body and headers (credentials included), so the other instance checks the caller exactly as if it
 * had been asked directly: passing a request on never lets anyone see more. It is marked
 * {@value #PASSED_ON}, and an instance answers such a request from its own stores, so it never loops.
 */
public final class InstanceCalls {
    /** Marks a request passed on by another instance: answer it from this instance's own stores. */
    public static final String PASSED_ON = "X-Dropship-Forwarded";
    /** Headers that belong to one connection, or that the HTTP client sets itself. */
    private static final Set<String> NOT_PASSED_ON = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings",
            PASSED_ON.toLowerCase(Locale.ROOT));
    private static final Duration CONNECT = Duration.ofSeconds(3);

    /** What the other instance answered. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        /** The body of a 200; any other answer means the share cannot be had now (503 here). */
        public byte[] ok(String what, HostInfo host) {
            if (status != 200) {
                throw StoreUnavailableException.onInstance(host, "its " + what + " answered " + status);
            }
            return body;
        }
    }

    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT).build();

    public InstanceCalls(Duration timeout) {
        this.timeout = timeout;
    }

    public static boolean isPassedOn(HttpServletRequest request) {
        return request.getHeader(PASSED_ON) != null;
    }

    /**
     * The caller's request, unchanged, asked of {@code host}.
     *
     * @throws StoreUnavailableException when the other instance does not answer
     */
    public Answer passOn(HostInfo host, HttpServletRequest request) {
        return passOn(host, request, bodyOf(request));
    }

    /**
     * As {@link #passOn(HostInfo, HttpServletRequest)}, for a request whose body this instance has read
     * already (to find the key it is about): {@code body} is passed on as it came.
     *
     * @throws StoreUnavailableException when the other instance does not answer
     */
    public Answer passOn(HostInfo host, HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        HttpRequest.Builder call = HttpRequest.newBuilder(uri(host, request.getRequestURI()
                        + (query == null ? "" : "?" + query)))
                .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
                Collections.list(request.getHeaders(name)).forEach(value -> call.header(name, value));
            }
        }
        return send(host, call);
    }

    /**
     * A GET of {@code pathAndQuery} on {@code host} with the given headers.
     *
     * @throws StoreUnavailableException when the other instance does not answer
     */
    public Answer get(HostInfo host, String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder call = HttpRequest.newBuilder(uri(host, pathAndQuery)).GET();
        headers.forEach(call::header);
        return send(host, call);
    }

    private static byte[] bodyOf(HttpServletRequest request) {
        try {
            return request.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The request's body could not be read", e);
        }
    }

    private Answer send(HostInfo host, HttpRequest.Builder call) {
        call.timeout(timeout).header(PASSED_ON, "1");
        try {
            HttpResponse<byte[]> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(answer.statusCode(), answer.headers().map(), answer.body());
        } catch (IOException e) {
            throw StoreUnavailableException.onInstance(host, "no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreUnavailableException.onInstance(host, "interrupted");
        }
    }

    private static URI uri(HostInfo host, String pathAndQuery) {
        return URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    }
}
