package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.channelsim.WooCommerceSimulator;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.ChannelRefusal;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WooCommerce store (the simulator, over real HTTP) on a real broker: its signed order webhooks
 * become our orders once, priced from our catalog; its cancellation becomes our cancel command; each
 * parcel becomes one note with its tracking number, the order is set completed when shipped and
 * cancelled when we cancel it, and a store down for a while gets each note once when back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommerceChannelIT extends KafkaIntegrationTest {
    private static final String STORE = "woo-shop";
    private static final String SECRET = "wc_it_secret";
    private static final String OPS_KEY = "ok_it_channels";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final WooCommerceSimulator WOO = start();
    /** What channel-gateway serves without ops' key (docs/security.md): each webhook proves itself with its signature. */
    private static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("POST /webhooks/shopify/orders-cancelled", "Shopify's webhook, signed with the shop's secret")
            .allow("POST /webhooks/shopify/orders-updated", "Shopify's webhook, signed with the shop's secret")
            .allow("POST /webhooks/woocommerce/{storeId}", "WooCommerce's webhooks, signed with the webhook's secret");

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("dropship.channels.woocommerce[0].id", () -> STORE);
        registry.add("dropship.channels.woocommerce[0].url", () -> WOO.url().toString());
        registry.add("dropship.channels.woocommerce[0].webhook-secret", () -> SECRET);
        registry.add("dropship.channels.woocommerce[0].consumer-key", () -> "ck_it");
        registry.add("dropship.channels.woocommerce[0].consumer-secret", () -> "cs_it");
        registry.add("dropship.channels.admin-key-sha256", () -> ApiKeys.sha256Hex(OPS_KEY));
        registry.add("dropship.channels.woocommerce[0].push-stock", () -> "true");
        registry.add("dropship.channels.stock-debounce", () -> "2s");
        registry.add("dropship.channels.stock-check-every", () -> "100ms");
        FastCalls.register(registry, "woocommerce");
    }

    private static WooCommerceSimulator start() {
        return new WooCommerceSimulator("ck_it", "cs_it", SECRET);
    }

    @AfterAll
    static void stop() {
        WOO.close();
    }

    @BeforeEach
    void catalog() {
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product("MUG-001", "12.50"));
    }

    @Test
    void aPaidOrderBecomesOurOrderOncePricedFromTheCatalog() {
        String json = order(501, "processing", "MUG-001", "SOCK-9");
        URI hook = webhook();
        await().atMost(WAIT).until(() -> WOO.sendWebhook(hook, "order.created", "d-501", json).body()
                .contains("\"accepted\":true"));
        // delivered again, and updated: the same order, placed once
        assertThat(WOO.sendWebhook(hook, "order.created", "d-501", json).statusCode()).isEqualTo(200);
        assertThat(WOO.sendWebhook(hook, "order.updated", "d-501-b", json).statusCode()).isEqualTo(200);

        String orderId = orderIdOf(501);
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placed.valuesOf(OrderPlaced.class).stream().anyMatch(p -> p.orderId().equals(orderId)));
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
                placed.until(Duration.ofSeconds(5), seen -> true);
                return placed.valuesOf(OrderPlaced.class).stream().filter(p -> p.orderId().equals(orderId)).count() == 1;
            });
            OrderPlaced order = placed.valuesOf(OrderPlaced.class).stream().filter(p -> p.orderId().equals(orderId))
                    .findFirst().orElseThrow();
            assertThat(order.order().source().channel()).isEqualTo(Channel.WOOCOMMERCE);
            assertThat(order.order().source().storefrontId()).isEqualTo(STORE);
            assertThat(order.order().source().externalRef()).isEqualTo("501");
            assertThat(order.order().lines()).singleElement().satisfies(line -> {
                assertThat(line.sku()).isEqualTo("MUG-001");
                assertThat(line.quantity()).isEqualTo(2);
                assertThat(line.salePrice()).isEqualByComparingTo("12.50");
            });
            assertThat(order.order().shipTo()).isEqualTo(new Address("5 Rue Test", null, "Lyon", null, "69001", "FR"));
            assertThat(order.order().customer().email()).isEqualTo("ada@example.com");
            assertThat(order.order().requests().note()).isEqualTo("Ring twice");
        }
    }

    @Test
    void anUnpaidOrderOrAForgedOneIsNotTaken() {
        HttpResponse<String> unpaid = WOO.sendWebhook(webhook(), "order.created", "d-502", order(502, "pending", "MUG-001"));
        assertThat(unpaid.statusCode()).isEqualTo(200);
        assertThat(unpaid.body()).contains("\"accepted\":false").contains("not paid (status pending)");

        HttpResponse<String> forged = WOO.sendWebhook(webhook(), "order.created", "d-503",
                order(503, "processing", "MUG-001"), "not-the-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("X-WC-Webhook-Signature");

        assertThat(WOO.ping(webhook()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedUnsignedOrMisaddressedWebhookIsRefusedAndRecordsNothing() throws Exception {
        String tampered = order(551, "processing", "MUG-001");
        String signedFor = signature(SECRET, order(550, "processing", "MUG-001"));
        String signature = signature(SECRET, tampered);
        List<HttpResponse<String>> refused = List.of(
                // a delivery signed once, its body changed after
                post(webhook(), tampered, Map.of("X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Signature", signedFor)),
                post(webhook(), tampered, Map.of("X-WC-Webhook-Topic", "order.created")),
                post(webhook(), tampered, Map.of("X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Signature", "x")),
                // signed right, to a store that is not configured
                post(URI.create("http://localhost:" + port + "/webhooks/woocommerce/other-shop"), tampered,
                        Map.of("X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Signature", signature)));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("X-WC-Webhook-Signature");
        });

        // a signed order after them is placed, and none of theirs
        String after = placeAndAwait(552);
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placed.valuesOf(OrderPlaced.class).stream().anyMatch(p -> p.orderId().equals(after)));
            assertThat(placed.valuesOf(OrderPlaced.class)).noneMatch(p -> p.orderId().equals(orderIdOf(550))
                    || p.orderId().equals(orderIdOf(551)));
        }
    }

    @Test
    void aReplayedCancellationIsOneCancelCommand() {
        String orderId = placeAndAwait(555);
        String cancelled = order(555, "cancelled", "MUG-001");
        assertThat(WOO.sendWebhook(webhook(), "order.updated", "d-555-c", cancelled).statusCode()).isEqualTo(200);
        assertThat(WOO.sendWebhook(webhook(), "order.updated", "d-555-c", cancelled).statusCode()).isEqualTo(200);
        assertThat(StoreCommands.exactlyOne(orderId, CancelRequested.class).requestedBy()).isEqualTo("woocommerce:" + STORE);
    }

    /** A changed shipping address is asked of order-service once; its refusal is what ops see, with the reason. */
    @Test
    void aChangedAddressIsAskedOfOrderServiceOnceAndItsRefusalIsShownToOps() {
        String orderId = placeAndAwait(535);
        String moved = order(535, "processing", "MUG-001")
                .replace("\"address_1\": \"5 Rue Test\", \"address_2\"", "\"address_1\": \"8 Quai Neuf\", \"address_2\"");
        assertThat(WOO.sendWebhook(webhook(), "order.updated", "d-535-u", moved).statusCode()).isEqualTo(200);
        assertThat(WOO.sendWebhook(webhook(), "order.updated", "d-535-u", moved).statusCode()).isEqualTo(200);
        assertThat(WOO.sendWebhook(webhook(), "order.updated", "d-535-u2", moved).statusCode()).isEqualTo(200);

        AddressChangeRequested asked = StoreCommands.exactlyOne(orderId, AddressChangeRequested.class);
        assertThat(asked.requestedBy()).isEqualTo("woocommerce:" + STORE);
        assertThat(asked.shipTo()).isEqualTo(new Address("8 Quai Neuf", null, "Lyon", null, "69001", "FR"));

        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, new AddressChangeRefused(asked.eventId() + "-refused",
                Instant.now(), orderId, asked.requestedBy(), asked.shipTo(), OrderStatus.SHIPPED,
                "the address of an order that is SHIPPED cannot change: it has shipped"));
        try (GatewayTopic<ChannelRefusal> refusals = new GatewayTopic<>(ChannelTopics.REFUSALS, ChannelRefusal.class)) {
            assertThat(refusals.exactly(orderId, 1)).singleElement().satisfies(r -> {
                assertThat(r.asked()).isEqualTo("address change");
                assertThat(r.reason()).contains("8 Quai Neuf, Lyon, 69001, FR").contains("SHIPPED cannot change");
            });
        }
    }

    @Test
    void everyRouteButTheWebhooksAndTheDocsRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("GET /api/v1/channels/stores",
                "POST /api/v1/channels/stores/{storeId}/failures/{failureId}/retry");
        PUBLIC.check(context, port);
    }

    @Test
    void parcelsBecomeOneNoteEachAndTheOrderIsCompletedWhenShipped() {
        String orderId = placeAndAwait(510);
        ParcelsShipped shipped = new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), orderId, "dsp-w1",
                "lyon-linen", "colissimo", List.of("6A123", "6A124"));
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped);
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, moved(orderId, OrderStatus.ACCEPTED, OrderStatus.SHIPPED));

        await().atMost(WAIT).until(() -> "completed".equals(WOO.status(510)));
        assertThat(WOO.notes(510)).hasSize(2);
        assertThat(WOO.notes(510).get(0)).contains("Colissimo").contains("6A123");
        assertThat(WOO.notes(510).get(1)).contains("6A124");
    }

    @Test
    void aCancellationInTheStoreBecomesOursAndOursIsSetInTheStore() {
        String theirs = placeAndAwait(520);
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, theirs, moved(theirs, OrderStatus.PLACED, OrderStatus.CONFIRMED));
        WOO.sendWebhook(webhook(), "order.updated", "d-520-c", order(520, "cancelled", "MUG-001"));
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            commands.until(WAIT, seen -> commands.valuesOf(CancelRequested.class).stream()
                    .anyMatch(c -> c.orderId().equals(theirs) && c.requestedBy().equals("woocommerce:" + STORE)));
        }

        String ours = placeAndAwait(521);
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, ours, moved(ours, OrderStatus.PLACED, OrderStatus.CANCELLED));
        await().atMost(WAIT).until(() -> "cancelled".equals(WOO.status(521)));
    }

    @Test
    void aStoreDownForAWhileGetsEachNoteOnceWhenBack() {
        String orderId = placeAndAwait(530);
        WOO.down(true);
        int before = WOO.calls().size();
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped(UUID.randomUUID().toString(),
                Instant.now(), orderId, "dsp-w3", "lyon-linen", "dhl", List.of("JJD77")));
        try {
            await().atMost(WAIT).until(() -> WOO.calls().size() - before >= 6);
            assertThat(WOO.notes(530)).isEmpty();
        } finally {
            WOO.down(false);
        }
        WOO.tooManyRequests(1);
        await().atMost(WAIT).until(() -> WOO.notes(530).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> WOO.notes(530).size() == 1);
        assertThat(WOO.notes(530).get(0)).contains("DHL Express").contains("JJD77");
    }

    @Test
    void stockIsSetOnTheProductWithItsSkuAtMostOncePerDebounceWithTheLatestQuantity() {
        WOO.addProduct(77, "LAMP-9");
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-9", product("LAMP-9", true, 5));
        await().atMost(WAIT).until(() -> WOO.stockSets("LAMP-9").equals(List.of(5)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-9", product("LAMP-9", true, 7));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-9", product("LAMP-9", true, 9));
        await().atMost(WAIT).until(() -> WOO.stockSets("LAMP-9").equals(List.of(5, 9)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-9", product("LAMP-9", false, 9));
        await().atMost(WAIT).until(() -> WOO.stockSets("LAMP-9").equals(List.of(5, 9, 0)));
        // the mug of every test is not sold by the store: looked up, never set
        assertThat(WOO.calls()).contains("GET /wp-json/wc/v3/products").doesNotContain("PUT /wp-json/wc/v3/products/0");
        assertThat(WOO.stockSets("MUG-001")).isEmpty();
    }

    @Test
    void opsSeeTheStoresActivityAndARefusedCallWithItsReasonAndRetryItOnce() throws Exception {
        // an order the store cannot find when told of its parcel (it is not on the store): the call is refused
        String orderId = orderIdOf(540);
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            await().atMost(WAIT).until(() -> WOO.sendWebhook(webhook(), "order.created", "d-540",
                    order(540, "processing", "MUG-001")).body().contains("\"accepted\":true"));
            placed.until(WAIT, seen -> placed.valuesOf(OrderPlaced.class).stream().anyMatch(p -> p.orderId().equals(orderId)));
        }
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped(UUID.randomUUID().toString(),
                Instant.now(), orderId, "dsp-w4", "lyon-linen", "colissimo", List.of("6A540")));

        JsonNode failure = await().atMost(WAIT).until(() -> store(stores()).path("failures").path(0),
                f -> !f.isMissingNode());
        assertThat(failure.path("what").asString()).contains("540");
        assertThat(failure.path("reason").asString()).contains("404");
        assertThat(failure.hasNonNull("retriedAt")).isFalse();
        JsonNode store = store(stores());
        assertThat(store.path("platform").asString()).isEqualTo("WOOCOMMERCE");
        assertThat(store.path("ordersInLastHour").asInt()).isPositive();
        assertThat(store.path("lastSync").asString()).isNotBlank();

        // the order is on the store now: the call sent again goes through, once
        WOO.addOrder(540, "processing");
        String retry = "/api/v1/channels/stores/" + STORE + "/failures/" + failure.path("id").asString() + "/retry";
        assertThat(call("POST", retry, OPS_KEY).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> WOO.notes(540).size() == 1);
        assertThat(WOO.notes(540).get(0)).contains("6A540");
        HttpResponse<String> again = call("POST", retry, OPS_KEY);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        await().atMost(WAIT).until(() -> store(stores()).path("updatesOutLastHour").asInt() > 0);

        assertThat(call("GET", "/api/v1/channels/stores", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/channels/stores", "not-the-key").statusCode()).isEqualTo(401);
        assertThat(call("POST", retry, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", retry, "not-the-key").statusCode()).isEqualTo(401);
        // a wrong key is refused on the webhooks too, before anything reads them
        assertThat(call("POST", "/webhooks/woocommerce/" + STORE, "not-the-key").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/channels/stores/" + STORE + "/failures/no-such/retry", OPS_KEY).statusCode())
                .isEqualTo(404);
    }

    private JsonNode stores() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/v1/channels/stores", OPS_KEY);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    private static JsonNode store(JsonNode stores) {
        for (JsonNode store : stores.path("stores")) {
            if (store.path("storeId").asString().equals(STORE)) {
                return store;
            }
        }
        throw new AssertionError("no store " + STORE + " in " + stores);
    }

    /** X-WC-Webhook-Signature of {@code json}, as WooCommerce signs it. */
    private static String signature(String secret, String json) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(URI url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-Admin-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A paid order of the store, placed with us through its webhook. */
    private String placeAndAwait(long wooId) {
        WOO.addOrder(wooId, "processing");
        String orderId = orderIdOf(wooId);
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            await().atMost(WAIT).until(() -> WOO.sendWebhook(webhook(), "order.created", "d-" + wooId,
                    order(wooId, "processing", "MUG-001")).body().contains("\"accepted\":true"));
            placed.until(WAIT, seen -> placed.valuesOf(OrderPlaced.class).stream().anyMatch(p -> p.orderId().equals(orderId)));
        }
        return orderId;
    }

    private static String orderIdOf(long wooId) {
        return EventIds.derived("STOREFRONT", STORE, "woocommerce:" + wooId);
    }

    private static String order(long id, String status, String... skus) {
        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\": \"").append(sku)
                    .append("\", \"quantity\": 2, \"name\": \"").append(sku).append("\"}");
        }
        return """
                {"id": %d, "status": "%s", "currency": "USD", "customer_note": "Ring twice",
                 "billing": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "phone": "+33100000000",
                             "address_1": "5 Rue Test", "city": "Lyon", "postcode": "69001", "country": "FR"},
                 "shipping": {"first_name": "Ada", "last_name": "Lovelace", "address_1": "5 Rue Test", "address_2": "",
                              "city": "Lyon", "state": "", "postcode": "69001", "country": "FR"},
                 "line_items": [%s], "meta_data": []}""".formatted(id, status, lines);
    }

    private static OrderStatusChanged moved(String orderId, OrderStatus from, OrderStatus to) {
        return new OrderStatusChanged(UUID.randomUUID().toString(), Instant.now(), orderId, from, to, "it", null);
    }

    private static ProductUpdated product(String sku, String price) {
        return new ProductUpdated(UUID.randomUUID().toString(), Instant.now(), sku, "Mug", "A mug", List.of(),
                new BigDecimal(price), "USD", true, 50, List.of());
    }

    private static ProductUpdated product(String sku, boolean listed, int available) {
        return new ProductUpdated(UUID.randomUUID().toString(), Instant.now(), sku, "Lamp", "A lamp", List.of(),
                new BigDecimal("30.00"), "USD", listed, available, List.of());
    }

    private URI webhook() {
        return URI.create("http://localhost:" + port + "/webhooks/woocommerce/" + STORE);
    }
}
