package com.openfulfil.dropship.commission.it;

import com.openfulfil.dropship.commission.CommissionServiceApplication;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One commission-service (demo profile) on the JVM's broker, over real HTTP. Every IT uses the same
 * settings, so they share one running service: commission is available at once, and the smallest
 * USD payout (5.00) is above what the demo partner earns in these tests.
 */
@SpringBootTest(classes = CommissionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dropship.commission.payouts.return-window=0s",
                "dropship.commission.payouts.minimum.USD=5.00"})
@ActiveProfiles("demo")
abstract class CommissionApiIT extends KafkaIntegrationTest {
    static final String DEMO_PARTNER_KEY = "pk_partner-lan_0123456789";
    static final String DEMO_PARTNER_HASH = "132bdd0ee0ca26141e1141975d9ebb95fa85007d7905918bbf74490e6130bf3f";
    static final String ADMIN_KEY = "ak_demo_admin_0123456789";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    Response get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    Response post(String path, String apiKey, String body) {
        return post(path, apiKey, body, null);
    }

    Response post(String path, String apiKey, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Response put(String path, String apiKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    /** Applies and is granted through the API; returns the partner's id and key. */
    Partner grantedPartner(String name, String email) {
        return grantedPartner(name, email, null);
    }

    /** The same, giving payout details in the application when there are some. */
    Partner grantedPartner(String name, String email, String payoutDetails) {
        String details = payoutDetails == null ? "" : ",\"payoutDetails\":\"" + payoutDetails + "\"";
        String partnerId = post("/api/v1/partners/apply", null,
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"" + details + "}").json().path("partnerId").asString();
        Response granted = post("/api/v1/admin/partners/" + partnerId + "/grant", ADMIN_KEY, "");
        return new Partner(partnerId, name, granted.json().path("apiKey").asString());
    }

    /** The order-service side: a partner order moving to {@code to} on orders.lifecycle. */
    static OrderStatusChanged transition(String orderId, Partner partner, OrderStatus from, OrderStatus to,
                                         String currency, String retail, String sale, BigDecimal refund) {
        return new OrderStatusChanged("evt-" + orderId + "-" + to, Instant.now(), orderId, from, to, to.name(),
                OrderFixtures.anOrder().withOrderId(orderId).withPartner(partner.partnerId(), partner.name()).withCurrency(currency)
                        .withLine("MUG-001", 2, retail, sale).details(), refund);
    }

    static EventPublisher publisher() {
        return new EventPublisher(EmbeddedBroker.bootstrapServers(), "commission-it");
    }

    record Partner(String partnerId, String name, String apiKey) {
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            return body == null || body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        }
    }
}
