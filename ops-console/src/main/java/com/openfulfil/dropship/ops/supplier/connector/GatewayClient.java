package com.openfulfil.dropship.ops.supplier.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.ops.config.OpsProperties;
import com.openfulfil.dropship.ops.supplier.config.SupplierPortalProperties;
import org.springframework.stereotype.Component;
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
import java.util.Optional;

/**
 * supplier-gateway's supplier API, called on a supplier's behalf: updates go to
 * {@code POST /api/v1/suppliers/{id}/updates} signed with the supplier's secret exactly as a supplier
 * with its own system signs them; the scorecard comes from {@code GET /api/v1/suppliers/{id}/scorecard}.
 */
@Component
public class GatewayClient {
    private final URI gateway;
    private final SupplierPortalProperties properties;
    // HTTP/1.1 outright: the default first tries an h2c upgrade on every new connection
    private final HttpClient http;

    public GatewayClient(OpsProperties ops, SupplierPortalProperties properties) {
        this.gateway = ops.service("supplier-gateway");
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.gatewayTimeout()).build();
    }

    /** The gateway refused the update (4xx): {@code reasons} are its words. */
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

    /** The body as sent and its signature header: {@code sha256=<hex HMAC-SHA256 of the body>}. */
    public record Signed(byte[] body, String signature) {
    }

    public static Signed sign(SupplierUpdate update, String secret) {
        byte[] body = Json.mapper().writerFor(Event.class).writeValueAsBytes(update);
        return new Signed(body, Signatures.sign(secret, body));
    }

    public void send(SupplierUpdate update) {
        String secret = properties.supplier(update.supplierId()).map(SupplierPortalProperties.Supplier::secret)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("No secret for supplier " + update.supplierId()
                        + ": set dropship.ops.supplier-portal.suppliers[].secret"));
        Signed signed = sign(update, secret);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/suppliers/" + update.supplierId() + "/updates"))
                .timeout(properties.gatewayTimeout())
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()))
                .build();
        HttpResponse<String> response = call(request);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new Refused(problem(response.body()));
        }
        throw new Unavailable("supplier-gateway answered " + status, null);
    }

    /** The supplier's scorecard as JSON; empty when the gateway has no scorecard to give (404). */
    public Optional<JsonNode> scorecard(String supplierId) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/suppliers/" + supplierId + "/scorecard"))
                .timeout(properties.gatewayTimeout())
                .header("Accept", "application/json")
                .header("X-Admin-Key", properties.gatewayAdminKey())
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
     * Moves the parts of {@code orderId} still with their suppliers to their backup offers, in the
     * operator's name; answers where each part goes. {@link Refused} with the gateway's reason when it
     * cannot be done (shipped, no backup left, no such order).
     */
    public String reroute(String orderId, String reason, String operator) {
        byte[] body = Json.mapper().writeValueAsBytes(java.util.Map.of("reason", reason, "requestedBy", operator));
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/admin/orders/" + orderId + "/reroute"))
                .timeout(properties.gatewayTimeout())
                .header("Content-Type", "application/json")
                .header("X-Admin-Key", properties.gatewayAdminKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = call(request);
        if (response.statusCode() / 100 == 4) {
            throw new Refused(problem(response.body()));
        }
        if (response.statusCode() != 202) {
            throw new Unavailable("supplier-gateway answered " + response.statusCode() + " to the reroute", null);
        }
        List<String> moves = new ArrayList<>();
        Json.mapper().readTree(response.body()).path("moves").forEach(move -> {
            List<String> to = new ArrayList<>();
            move.path("to").forEach(t -> to.add(t.path("supplierId").asString("")));
            moves.add(move.path("supplierId").asString("") + " \u2192 " + String.join(", ", to));
        });
        return String.join("; ", moves);
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
    private static String problem(String body) {
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
