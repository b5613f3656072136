package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * order-service's public API as a storefront, a partner and an admin call it (docs/storefronts.md,
 * "order-service (port 8081)").
 */
public final class OrderApi {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An HTTP answer; {@code status} 0 means the call did not get through. */
    public record Response(int status, String body) {
        public boolean isSuccess() {
            return status / 100 == 2;
        }

        public JsonNode json() {
            return Json.mapper().readTree(body.isEmpty() ? "{}" : body);
        }
    }

    public OrderApi(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /** Places the order as the demo storefront or, for a partner order, as the demo partner. */
    public Response place(PlannedOrder order) {
        return order.isPartner()
                ? post("/api/v1/partner-orders", DemoKeys.PARTNER_KEY, order.externalRef(), order.body())
                : post("/api/v1/orders", DemoKeys.STOREFRONT_KEY, order.externalRef(), order.body());
    }

    public Response placePartnerOrder(Map<String, Object> body, String idempotencyKey) {
        return post("/api/v1/partner-orders", DemoKeys.PARTNER_KEY, idempotencyKey, body);
    }

    public Response get(String orderId) {
        return send(request("/api/v1/orders/" + orderId, DemoKeys.ADMIN_KEY).GET().build());
    }

    public Response confirmReceipt(String orderId) {
        return post("/api/v1/orders/" + orderId + "/confirm-receipt", DemoKeys.STOREFRONT_KEY, null,
                Map.of("rating", 5, "comment", "Arrived safely, thank you"));
    }

    public Response adminComplete(String orderId) {
        return send(request("/api/v1/admin/orders/" + orderId + "/complete", DemoKeys.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The demo storefront's customer asks to return a delivered order. */
    public Response requestReturn(String orderId, String reason, String description) {
        return post("/api/v1/orders/" + orderId + "/returns", DemoKeys.STOREFRONT_KEY, null,
                Map.of("reason", reason, "description", description));
    }

    /** The admin reships some units of an order ({@code lines}: lineNo and quantity each) as a replacement order. */
    public Response reship(String orderId, List<Map<String, Integer>> lines, String note) {
        return post("/api/v1/admin/orders/" + orderId + "/reship", DemoKeys.ADMIN_KEY, null,
                Map.of("lines", lines, "note", note));
    }

    private Response post(String path, String apiKey, String idempotencyKey, Map<String, Object> body) {
        HttpRequest.Builder request = request(path, apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("X-Api-Key", apiKey).header("Accept", "application/json");
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }
}
