package com.openfulfil.dropship.console.connector;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of our services' APIs as the consoles call it, in that service's words: a 2xx answer is the
 * answer; a 4xx other than 408 and 429 is {@link Refused} (sending it again changes nothing), with the
 * service's problem details in a sentence; no answer, a 5xx, a 408 or 429 and a timeout are
 * {@link Unavailable} (sending it again later is safe). supplier-gateway's client and channel-gateway's
 * are this, each with its own routes and key.
 */
public class ServiceClient {
    private final String service;
    private final URI base;
    private final Duration timeout;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http;

    /** @param service the service's name, as its refusals and failures name it */
    protected ServiceClient(String service, URI base, Duration timeout) {
        this.service = service;
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The service refused the call (4xx): the message is its words. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The service could not be reached or failed (5xx, timeout, an answer that is not its API's). */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    protected final String service() {
        return service;
    }

    /** A request to {@code path} of the service, with its timeout. */
    protected final HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
    }

    /** The service's answer, whatever its status; {@link Unavailable} when there is none. */
    protected final HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable(service + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling " + service, e);
        }
    }

    /** The answer when 2xx; {@link Refused} for a 4xx other than 408 and 429, {@link Unavailable} otherwise. */
    protected final HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = call(request);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new Refused(problem(response.body()));
        }
        throw new Unavailable(service + " answered " + status, null);
    }

    /** A problem-details body in a sentence: its detail, then each field's message. */
    public static String problem(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            List<String> parts = new ArrayList<>();
            String detail = json.path("detail").asString(json.path("title").asString(""));
            if (!detail.isBlank()) {
                parts.add(detail);
            }
            json.path("errors").forEach(e -> parts.add(e.path("field").asString("") + " "
                    + e.path("message").asString("")));
            return parts.isEmpty() ? body : String.join("; ", parts);
        } catch (JacksonException e) {
            return body;
        }
    }
}
