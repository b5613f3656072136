package com.openfulfil.dropship.console.connector;

import com.openfulfil.dropship.console.config.GatewayAccess;
import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * supplier-gateway's API as the console and the supplier portal call it: a supplier's scorecard from
 * {@code GET /api/v1/suppliers/{id}/scorecard} with the admin key, and JSON posted with whatever
 * header the call needs (a supplier's signature, or the admin key). A 4xx answer is {@link Refused}
 * in the gateway's words; no answer, a 5xx or a timeout is {@link Unavailable}.
 */
public class GatewayClient extends ServiceClient {
    public static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    private final GatewayAccess access;

    public GatewayClient(URI gateway, GatewayAccess access) {
        super("supplier-gateway", gateway, access.gatewayTimeout());
        this.access = access;
    }

    /** The supplier's scorecard as JSON; empty when the gateway has no scorecard to give (404). */
    public Optional<JsonNode> scorecard(String supplierId) {
        HttpRequest request = request("/api/v1/suppliers/" + supplierId + "/scorecard")
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
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** {@link #post} with supplier-gateway's admin key. */
    public HttpResponse<String> postAsAdmin(String path, byte[] body) {
        return post(path, body, Map.of(ADMIN_KEY_HEADER, access.gatewayAdminKey()));
    }
}
