package com.openfulfil.dropship.console.connector;

import com.openfulfil.dropship.console.config.GatewayAccess;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * supplier-gateway's API as the console and the supplier portal call it: a supplier's scorecard from
 * {@code GET /api/v1/suppliers/{id}/scorecard} with the admin key, and JSON posted with whatever
 * header the call needs (a supplier's signature, or the admin key). A 4xx answer is {@link Refused}
 * in the gateway's words; no answer, a 5xx or a timeout is {@link Unavailable}.
 */
public class GatewayClient {
    public static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    private final URI gateway;
    private final GatewayAccess access;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http;

    public GatewayClient(URI gateway, GatewayAccess access) {
        this.gateway = gateway;
        this.access = access;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(access.gatewayTimeout()).build();
    }

    /** The gateway refused the call (4xx): the message is its words. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The gateway could not be reached or failed (5xx, timeout): sending again later is safe. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The supplier's scorecard as JSON; empty when the gateway has no scorecard to give (404). */
    public Optional<JsonNode> scorecard(String supplierId) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/suppliers/" + supplierId + "/scorecard"))
                .timeout(access.gatewayTimeout())
                .header("Accept", "application/json")
                .header(ADMIN_KEY_HEADER, access.gatewayAdminKey())
                .GET().build();
        HttpResponse<String> response = call(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("supplier-gateway answered " + response.statusCode() + " for the scorecard", null);
        }
        try {
            return Optional.of(Json.mapper().readTree(response.body()));
        } catch (JacksonException e) {
            throw new Unavailable("supplier-gateway's scorecard is not JSON", e);
        }
    }

    /**
     * Posts {@code body} as JSON to {@code path} with {@code headers}; answers the gateway's answer when
     * it is 2xx. {@link Refused} for a 4xx other than 408 and 429 (sending it again changes nothing),
     * {@link Unavailable} for anything else.
     */
    public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(access.gatewayTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = call(request.build());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new Refused(problem(response.body()));
        }
        throw new Unavailable("supplier-gateway answered " + status, null);
    }

    /** {@link #post} with supplier-gateway's admin key. */
    public HttpResponse<String> postAsAdmin(String path, byte[] body) {
        return post(path, body, Map.of(ADMIN_KEY_HEADER, access.gatewayAdminKey()));
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("supplier-gateway did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling supplier-gateway", e);
        }
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
