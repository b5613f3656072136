package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.process.Service;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the browser tests do behind the user's back, through the services' public APIs: the admin's,
 * other partners' and suppliers' part.
 */
final class ServiceApis {
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final OrderApi orders;
    private final String orderService;
    private final String commissionService;
    private final String gateway;

    ServiceApis(LocalStack stack) {
        this.orderService = stack.service(Service.ORDER).baseUrl();
        this.gateway = stack.service(Service.GATEWAY).baseUrl();
        this.commissionService = stack.service(Service.COMMISSION).baseUrl();
        this.orders = new OrderApi(orderService);
    }

    /** A demo supplier's update sent as the supplier's own system does: signed with its secret. */
    void supplierUpdate(String supplierId, Map<String, Object> update) {
        byte[] body = Json.mapper().writeValueAsBytes(update);
        Answer answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/suppliers/" + supplierId + "/updates"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .header(Signatures.HEADER, Signatures.sign(DemoKeys.supplierSecret(supplierId), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    /** How many orders order-service lists for this partner. */
    int partnerOrderCount(String partnerKey) {
        Answer answer = send(get(orderService + "/api/v1/orders?size=1", partnerKey));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("total").asInt();
    }

    void awaitStatus(String orderId, String status, Duration within) {
        await().atMost(within).pollInterval(POLL).untilAsserted(() -> assertThat(
                orders.get(orderId).json().path("status").asString()).as("order %s", orderId).isEqualTo(status));
    }

    int adminComplete(String orderId) {
        return orders.adminComplete(orderId).status();
    }

    /** The order's commission as commission-service answers its partner, once it is credited. */
    JsonNode awaitCommission(String orderId, String partnerKey, Duration within) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(within).pollInterval(POLL).until(() -> {
            Answer answer = send(get(commissionService + "/api/v1/orders/" + orderId + "/commission", partnerKey));
            if (answer.status() == 200) {
                found.set(answer.json());
            }
            return found.get() != null;
        });
        return found.get();
    }

    /** Someone applies and the admin grants them the partner role; answers their new key. */
    String grantPartner(String name, String email) {
        Answer applied = send(post(commissionService + "/api/v1/partners/apply", null,
                Map.of("name", name, "email", email, "phone", "+84901234567")));
        assertThat(applied.status()).as(applied.body()).isBetween(200, 202);
        String partnerId = applied.json().path("partnerId").asString();
        Answer granted = send(post(commissionService + "/api/v1/admin/partners/" + partnerId + "/grant",
                DemoKeys.ADMIN_KEY, Map.of()));
        assertThat(granted.status()).as(granted.body()).isBetween(200, 202);
        return granted.json().path("apiKey").asString();
    }

    /** A partner order of that partner's, placed once order-service knows the new partner. */
    String awaitPartnerOrder(String partnerKey, String sku, String salePrice) {
        String ref = "OTHER-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("externalRef", ref, "currency", "USD",
                "customer", Map.of("name", "Phạm Thị Hoa", "email", "hoa@example.vn"),
                "shipTo", Map.of("line1", "5 Lê Lợi", "city", "Huế", "country", "VN"),
                "lines", List.of(Map.of("sku", sku, "quantity", 1, "salePrice", salePrice)),
                "paymentStatus", "PAID");
        AtomicReference<String> orderId = new AtomicReference<>();
        // the same Idempotency-Key each time: one order however often it is asked
        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() -> {
            HttpRequest.Builder request = post(orderService + "/api/v1/partner-orders", partnerKey, body);
            Answer answer = send(request.header("Idempotency-Key", ref));
            if (answer.status() == 202) {
                orderId.set(answer.json().path("orderId").asString());
            }
            return orderId.get() != null;
        });
        return orderId.get();
    }

    /** The HTTP status of a GET sent with the browser's session cookie and nothing else. */
    int statusWithSession(String url, String sessionId) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Cookie", "JSESSIONID=" + sessionId).GET()).status();
    }

    private static HttpRequest.Builder get(String url, String apiKey) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).header("X-Api-Key", apiKey)
                .header("Accept", "application/json").GET();
    }

    private static HttpRequest.Builder post(String url, String apiKey, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        return apiKey == null ? request : request.header("X-Api-Key", apiKey);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            return Json.mapper().readTree(body.isEmpty() ? "{}" : body);
        }
    }
}
