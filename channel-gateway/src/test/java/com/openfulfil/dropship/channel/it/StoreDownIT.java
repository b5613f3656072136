package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.channelsim.ShopifySimulator;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shopify stores (simulators, over real HTTP) whose orders share a partition of {@code channels.outbound}:
 * while one answers 503 its calls wait, set aside, and the other's are made at once; once it is back its calls
 * arrive once each, in the order they came, and ops saw them waiting meanwhile. A store that does not answer at
 * all holds up the other's calls no longer than the connector's short wait for an answer, far less than its
 * timeout, and gets its call once when it answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreDownIT extends KafkaIntegrationTest {
    private static final String DOWN = "down-shop";
    private static final String UP = "up-shop";
    private static final String SLOW = "slow-shop";
    /** How long a store's answer is waited for before the call is held back. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String OPS_KEY = "ok_it_store_down";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ShopifySimulator DOWN_SHOP = new ShopifySimulator(DOWN + ".myshopify.com", "shpat_down", "shpss_down");
    private static final ShopifySimulator UP_SHOP = new ShopifySimulator(UP + ".myshopify.com", "shpat_up", "shpss_up");
    private static final ShopifySimulator SLOW_SHOP = new ShopifySimulator(SLOW + ".myshopify.com", "shpat_slow",
            "shpss_slow");

    /** Each order's name on its store, by our order id. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        store(registry, 0, DOWN, DOWN_SHOP, "shpat_down", "shpss_down");
        store(registry, 1, UP, UP_SHOP, "shpat_up", "shpss_up");
        store(registry, 2, SLOW, SLOW_SHOP, "shpat_slow", "shpss_slow");
        registry.add("dropship.channels.outbound.timeout", TIMEOUT::toString);
        registry.add("dropship.channels.admin-key-sha256", () -> ApiKeys.sha256Hex(OPS_KEY));
        FastCalls.register(registry, "shopify");
        // a partition that waited for its store would wait this long: far longer than the other store may wait
        registry.add("dropship.channels.outbound.held-back-for", () -> "60s");
        registry.add("dropship.channels.outbound.max-backoff", () -> "500ms");
    }

    private static void store(DynamicPropertyRegistry registry, int i, String id, ShopifySimulator shop, String token,
                              String secret) {
        String prefix = "dropship.channels.shopify[" + i + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "domain", shop::domain);
        registry.add(prefix + "base-url", () -> shop.baseUrl().toString());
        registry.add(prefix + "webhook-secret", () -> secret);
        registry.add(prefix + "admin-token", () -> token);
    }

    @AfterAll
    static void stop() {
        DOWN_SHOP.close();
        UP_SHOP.close();
        SLOW_SHOP.close();
    }

    @Test
    void aStoreDownDelaysNoOtherStoreAndGetsItsCallsOnceEachInOrderWhenBack() throws Exception {
        List<String> toldDown = new CopyOnWriteArrayList<>();
        DOWN_SHOP.onReceived(toldDown::add);
        String first = place(DOWN, DOWN_SHOP, "#D1");
        String second = place(DOWN, DOWN_SHOP, "#D2");
        String upOrder = upOrderOn(partitionOf(first), "#U");
        String upName = names.get(upOrder);

        DOWN_SHOP.down(true);
        try {
            // three parcels of one order, told in this order, and one of another order
            for (int i = 0; i < 3; i++) {
                publisher.publishAndWait(Topics.FULFILMENT_EVENTS, first, shipped(first, "dsp-d" + i, "JDD" + i));
            }
            publisher.publishAndWait(Topics.FULFILMENT_EVENTS, second, shipped(second, "dsp-e", "JDE"));
            int tried = DOWN_SHOP.operations().size();
            await().atMost(WAIT).until(() -> DOWN_SHOP.operations().size() > tried);

            Instant sent = Instant.now();
            publisher.publishAndWait(Topics.FULFILMENT_EVENTS, upOrder, shipped(upOrder, "dsp-u", "JDU"));
            await().atMost(Duration.ofSeconds(15)).until(() -> !UP_SHOP.fulfilments(upName).isEmpty());
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(UP_SHOP.fulfilments(upName).get(0).numbers()).containsExactly("JDU");

            // the waiting store keeps being tried, and ops see its calls waiting
            int stillTried = DOWN_SHOP.operations().size();
            await().atMost(WAIT).until(() -> DOWN_SHOP.operations().size() >= stillTried + 3);
            await().atMost(WAIT).until(() -> store(DOWN).path("waitingCalls").asInt() == 4);
            assertThat(store(DOWN).hasNonNull("unavailable")).isTrue();
            assertThat(store(UP).path("waitingCalls").asInt()).isZero();
            assertThat(DOWN_SHOP.count("fulfillmentCreate")).isZero();
        } finally {
            DOWN_SHOP.down(false);
        }

        // the first parcel made the fulfilment, the next ones added their numbers to it in the order they came
        await().atMost(WAIT).until(() -> !DOWN_SHOP.fulfilments("#D2").isEmpty() && !DOWN_SHOP.fulfilments("#D1")
                .isEmpty() && DOWN_SHOP.fulfilments("#D1").get(0).numbers().size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> toldDown.size() == 4);
        assertThat(toldDown.stream().filter(line -> line.startsWith("#D1 ")).toList()).satisfiesExactly(
                line -> assertThat(line).startsWith("#D1 fulfilled: DHL Express JDD0").doesNotContain("JDD1"),
                line -> assertThat(line).isEqualTo("#D1 tracking now DHL Express JDD0, JDD1"),
                line -> assertThat(line).isEqualTo("#D1 tracking now DHL Express JDD0, JDD1, JDD2"));
        assertThat(DOWN_SHOP.fulfilments("#D1")).hasSize(1);
        assertThat(DOWN_SHOP.fulfilments("#D1").get(0).numbers()).containsExactly("JDD0", "JDD1", "JDD2");
        assertThat(DOWN_SHOP.fulfilments("#D2")).hasSize(1);
        assertThat(DOWN_SHOP.fulfilments("#D2").get(0).numbers()).containsExactly("JDE");
        assertThat(DOWN_SHOP.count("fulfillmentCreate")).isEqualTo(2);
        await().atMost(WAIT).until(() -> store(DOWN).path("waitingCalls").asInt() == 0);
        assertThat(store(DOWN).hasNonNull("unavailable")).isFalse();
    }

    @Test
    void aStoreThatDoesNotAnswerHoldsUpNoOtherStoreForItsTimeoutAndGetsItsCallOnceWhenItAnswers() throws Exception {
        String slowOrder = place(SLOW, SLOW_SHOP, "#S1");
        String upOrder = upOrderOn(partitionOf(slowOrder), "#V");
        String upName = names.get(upOrder);

        SLOW_SHOP.stall(true);
        try {
            int tried = SLOW_SHOP.operations().size();
            publisher.publishAndWait(Topics.FULFILMENT_EVENTS, slowOrder, shipped(slowOrder, "dsp-s", "JDS"));
            // the connector's call is with the store, which does not answer
            await().atMost(WAIT).until(() -> SLOW_SHOP.operations().size() > tried);

            Instant sent = Instant.now();
            publisher.publishAndWait(Topics.FULFILMENT_EVENTS, upOrder, shipped(upOrder, "dsp-v", "JDV"));
            await().atMost(TIMEOUT.dividedBy(2)).until(() -> !UP_SHOP.fulfilments(upName).isEmpty());
            assertThat(Duration.between(sent, Instant.now())).isLessThan(TIMEOUT.dividedBy(2));
            assertThat(UP_SHOP.fulfilments(upName).get(0).numbers()).containsExactly("JDV");
            // ops see the call waiting for its store
            assertThat(store(SLOW).path("waitingCalls").asInt()).isEqualTo(1);
            assertThat(SLOW_SHOP.count("fulfillmentCreate")).isZero();
        } finally {
            SLOW_SHOP.stall(false);
        }

        await().atMost(WAIT).until(() -> !SLOW_SHOP.fulfilments("#S1").isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> SLOW_SHOP.count("fulfillmentCreate") == 1);
        assertThat(SLOW_SHOP.fulfilments("#S1")).singleElement()
                .satisfies(f -> assertThat(f.numbers()).containsExactly("JDS"));
        await().atMost(WAIT).until(() -> store(SLOW).path("waitingCalls").asInt() == 0);
        assertThat(store(SLOW).hasNonNull("unavailable")).isFalse();
    }

    /** An order of the store that is up whose calls go to {@code partition}, placed, named {@code prefix<n>}. */
    private String upOrderOn(int partition, String prefix) {
        for (int n = 1; ; n++) {
            long id = UP_SHOP.addOrder(prefix + n);
            if (partitionOf(orderIdOf(UP, id)) == partition) {
                String upOrder = orderIdOf(UP, id);
                publisher.publishAndWait(Topics.ORDERS_PLACED, upOrder, placed(UP, upOrder, prefix + n));
                return upOrder;
            }
        }
    }

    /** The partition of channels.outbound a call keyed by {@code orderId} goes to, as the stream's producer picks it. */
    private static int partitionOf(String orderId) {
        return Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8)))
                % Topics.CHANNELS_OUTBOUND.partitions();
    }

    private String place(String store, ShopifySimulator shop, String name) {
        String orderId = orderIdOf(store, shop.addOrder(name));
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(store, orderId, name));
        return orderId;
    }

    /** The id order-service gives a Shopify order placed through its orders/create webhook. */
    private static String orderIdOf(String store, long shopifyId) {
        return EventIds.derived("STOREFRONT", store, "shopify:" + shopifyId);
    }

    private OrderPlaced placed(String store, String orderId, String name) {
        names.put(orderId, name);
        OrderDetails d = OrderFixtures.anOrder().withOrderId(orderId).details();
        OrderDetails details = new OrderDetails(new OrderSource(Channel.SHOPIFY, store, null, null, name), d.currency(),
                d.customer(), d.shipTo(), d.lines(), d.priority(), d.paymentStatus(), d.requests());
        return new OrderPlaced(UUID.randomUUID().toString(), Instant.now(), orderId, details);
    }

    private static ParcelsShipped shipped(String orderId, String dispatchId, String number) {
        return new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), orderId, dispatchId, "lyon-linen",
                "DHL", List.of(number));
    }

    private JsonNode store(String storeId) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/channels/stores"))
                .header("X-Admin-Key", OPS_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode store : Json.mapper().readTree(answer.body()).path("stores")) {
            if (store.path("storeId").asString().equals(storeId)) {
                return store;
            }
        }
        throw new AssertionError("no store " + storeId + " in " + answer.body());
    }
}
