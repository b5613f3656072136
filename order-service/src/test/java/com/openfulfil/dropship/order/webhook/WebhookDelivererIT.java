package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A storefront's delivery loop that dies of a runtime exception starts again by itself, after a
 * wait that doubles, and delivers every status change in order: a real broker, a real HTTP receiver.
 */
class WebhookDelivererIT {
    private static final String STOREFRONT = "shop-restarts";
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private final EventSerde serde = new EventSerde();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Instant> lookups = new CopyOnWriteArrayList<>();
    private HttpServer storefront;

    @BeforeEach
    void storefrontAndTopic() throws Exception {
        storefront = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storefront.createContext("/hooks", exchange -> {
            received.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()).get("eventId").asString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        storefront.start();
        EmbeddedBroker.ensureTopic(Topics.ORDERS_LIFECYCLE);
    }

    @AfterEach
    void stopStorefront() {
        storefront.stop(0);
    }

    @Test
    void aDeliveryLoopThatDiesStartsAgainWithBackoffAndDeliversEverything() {
        Instant since = Instant.now();
        StorefrontWebhookSet webhook = new StorefrontWebhookSet("w-1", since, STOREFRONT, "sub_restarts",
                "http://127.0.0.1:" + storefront.getAddress().getPort() + "/hooks", "whsec_restarts", since);
        AtomicInteger breakdowns = new AtomicInteger(2);
        WebhookProperties properties = new WebhookProperties(FIRST_WAIT, Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 20);
        List<String> sent = List.of(change("o-1", OrderStatus.PLACED), change("o-1", OrderStatus.CONFIRMED),
                change("o-2", OrderStatus.PLACED));

        try (WebhookDeliverer deliverer = new WebhookDeliverer(webhook, storefrontId -> {
            lookups.add(Instant.now());
            if (breakdowns.getAndDecrement() > 0) {
                throw new IllegalStateException("the registrations cannot be read right now");
            }
            return Optional.of(webhook);
        }, properties, HttpClient.newHttpClient(), Clock.systemUTC(), EmbeddedBroker.bootstrapServers(), Map.of(),
                "order-service")) {
            deliverer.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> received.containsAll(sent));

            assertThat(deliverer.status().restarts()).as("the loop died twice and was started again").isEqualTo(2);
            assertThat(deliverer.status().delivered()).isEqualTo(3);
        }
        assertThat(received).as("o-1's changes in the order they happened, nothing lost").containsSubsequence(
                sent.get(0), sent.get(1)).contains(sent.get(2));
        assertThat(Duration.between(lookups.get(0), lookups.get(1))).as("the first wait")
                .isGreaterThanOrEqualTo(FIRST_WAIT);
        assertThat(Duration.between(lookups.get(1), lookups.get(2))).as("the second wait, doubled")
                .isGreaterThanOrEqualTo(FIRST_WAIT.multipliedBy(2));
    }

    /** Writes one status change of a storefront order to orders.lifecycle; returns its event id. */
    private String change(String orderId, OrderStatus to) {
        String eventId = orderId + "-" + to + "-" + UUID.randomUUID();
        OrderStatusChanged change = new OrderStatusChanged(eventId, Instant.now(), orderId, null, to, "test",
                OrderFixtures.anOrder().withOrderId(orderId).withStorefront(STOREFRONT, "SHOP-" + orderId).build().order());
        TopicReader.writeRaw(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_LIFECYCLE.name(), orderId,
                serde.serialize(Topics.ORDERS_LIFECYCLE.name(), change));
        return eventId;
    }
}
