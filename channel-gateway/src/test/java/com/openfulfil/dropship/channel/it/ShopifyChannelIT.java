package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.ChannelRefusal;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channelsim.Purchase;
import com.openfulfil.dropship.channelsim.ShopifySimulator;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * A Shopify store (the simulator, over real HTTP) kept in step with the pipeline on a real broker:
 * parcels become fulfilments once each, a changed tracking number is told, 429s and a store down for
 * a while are waited out without losing or doubling a call, cancellations go both ways, an address
 * change is refused for ops, and stock is pushed debounced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopifyChannelIT extends KafkaIntegrationTest {
    private static final String STORE = "demo-shop";
    private static final String DOMAIN = "demo-shop.myshopify.com";
    private static final String SECRET = "shpss_it_secret";
    private static final String TOKEN = "shpat_it_token";
    private static final String OPS_KEY = "ok_it_shop_channels";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ShopifySimulator SHOP = start();

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("dropship.channels.shopify[0].id", () -> STORE);
        registry.add("dropship.channels.shopify[0].domain", () -> DOMAIN);
        registry.add("dropship.channels.shopify[0].base-url", () -> SHOP.baseUrl().toString());
        registry.add("dropship.channels.shopify[0].webhook-secret", () -> SECRET);
        registry.add("dropship.channels.shopify[0].admin-token", () -> TOKEN);
        registry.add("dropship.channels.shopify[0].location-id", () -> "77");
        registry.add("dropship.channels.stock-debounce", () -> "2s");
        registry.add("dropship.channels.stock-check-every", () -> "100ms");
        registry.add("dropship.channels.tracking-url", () -> "https://track.example.com/t/{trackingNumber}");
        registry.add("dropship.channels.admin-key-sha256", () -> ApiKeys.sha256Hex(OPS_KEY));
        FastCalls.register(registry, "shopify");
    }

    private static ShopifySimulator start() {
        return new ShopifySimulator(DOMAIN, TOKEN, SECRET);
    }

    @AfterAll
    static void stop() {
        SHOP.close();
    }

    @Test
    void eachParcelIsToldOnceAndAChangedTrackingNumberIsUpdated() {
        String orderId = place("#1001");
        long creates = SHOP.count("fulfillmentCreate");
        ParcelsShipped shipped = shipped(orderId, "dsp-1", "DHL", "JD001", "JD002");
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped);  // replayed: nothing new to tell

        await().atMost(WAIT).until(() -> SHOP.fulfilments("#1001").stream()
                .anyMatch(f -> f.numbers().equals(List.of("JD001", "JD002"))));
        ShopifySimulator.Fulfilment fulfilment = SHOP.fulfilments("#1001").get(0);
        assertThat(fulfilment.company()).isEqualTo("DHL Express");
        assertThat(fulfilment.notified()).isTrue();

        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-1", "DHL", "JD001-B", "JD002"));
        await().atMost(WAIT).until(() -> SHOP.fulfilments("#1001").get(0).numbers().equals(List.of("JD001-B", "JD002")));
        assertThat(SHOP.fulfilments("#1001")).hasSize(1);
        assertThat(SHOP.count("fulfillmentCreate") - creates).isEqualTo(1);
    }

    @Test
    void aParcelTheStoreAlreadyShowsIsNotFulfilledAgain() {
        String orderId = place("#1002");
        SHOP.addFulfilment("#1002", "JD900");  // as if an earlier call got through before a restart
        long creates = SHOP.count("fulfillmentCreate");
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-2", "DHL", "JD900"));
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-3", "DHL", "JD901"));

        await().atMost(WAIT).until(() -> SHOP.fulfilments("#1002").get(0).numbers().equals(List.of("JD900", "JD901")));
        assertThat(SHOP.fulfilments("#1002")).hasSize(1);
        assertThat(SHOP.count("fulfillmentCreate")).isEqualTo(creates);
    }

    @Test
    void tooManyRequestsAreWaitedOutAsTheStoreAsks() {
        String orderId = place("#1003");
        int before = SHOP.operations().size();
        SHOP.tooManyRequests(2, 1);
        Instant sent = Instant.now();
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-4", "UPS", "1Z999"));

        await().atMost(WAIT).until(() -> !SHOP.fulfilments("#1003").isEmpty());
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(SHOP.operations().subList(before, before + 3)).containsExactly("findOrder", "findOrder", "findOrder");
        assertThat(SHOP.fulfilments("#1003")).hasSize(1);
        assertThat(SHOP.fulfilments("#1003").get(0).company()).isEqualTo("UPS");
    }

    @Test
    void aStoreDownForAWhileGetsEachCallOnceWhenBack() {
        String orderId = place("#1004");
        SHOP.down(true);
        int before = SHOP.operations().size();
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-5", "DHL", "JD500"));
        try {
            // the calls are tried again and again (held back between rounds), and nothing is lost
            await().atMost(WAIT).until(() -> SHOP.operations().size() - before >= 6);
            assertThat(SHOP.fulfilments("#1004")).isEmpty();
        } finally {
            SHOP.down(false);
        }
        await().atMost(WAIT).until(() -> !SHOP.fulfilments("#1004").isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> SHOP.fulfilments("#1004").size() == 1);
        assertThat(SHOP.fulfilments("#1004").get(0).numbers()).containsExactly("JD500");
    }

    @Test
    void aCancellationOnShopifyBecomesOurCancelCommandAndIsNotSentBack() {
        long shopifyId = SHOP.addOrder("#1005");
        String orderId = orderIdOf(shopifyId);
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(orderId, "#1005"));
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, moved(orderId, OrderStatus.PLACED,
                OrderStatus.CONFIRMED));

        String cancelled = "{\"id\": " + shopifyId + ", \"name\": \"#1005\", \"cancel_reason\": \"customer\"}";
        HttpResponse<String> answer = SHOP.sendWebhook(webhook("orders-cancelled"), "wh-cancel-1005", cancelled);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains(orderId);
        // the same delivery replayed (Shopify's retry, or anyone who saw it): one cancel command all the same
        assertThat(SHOP.sendWebhook(webhook("orders-cancelled"), "wh-cancel-1005", cancelled).statusCode())
                .isEqualTo(202);

        CancelRequested cancel = StoreCommands.exactlyOne(orderId, CancelRequested.class);
        assertThat(cancel.requestedBy()).isEqualTo("shopify:" + STORE);
        assertThat(cancel.reason()).isEqualTo("cancelled on the channel: customer");

        // order-service cancels it; Shopify, which asked, is not asked to cancel it again
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, moved(orderId, OrderStatus.CONFIRMED,
                OrderStatus.CANCELLED));
        String other = place("#1006");
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, other, moved(other, OrderStatus.PLACED, OrderStatus.CANCELLED));
        await().atMost(WAIT).until(() -> SHOP.cancelled("#1006"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> !SHOP.cancelled("#1005"));
    }

    @Test
    void aWebhookWithoutTheStoresSignatureIsRefusedAndRecordsNothing() {
        HttpResponse<String> answer = SHOP.sendWebhook(webhook("orders-cancelled"), "wh-forged",
                "{\"id\": 42, \"name\": \"#42\"}", "not-the-secret");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("X-Shopify-Hmac-Sha256");
    }

    @Test
    void theApiDocsArePublicAndHaveEveryWebhookTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("channel-gateway", 8086);
        assertThat(documented.endpoints()).contains("POST /webhooks/shopify/orders-cancelled",
                "POST /webhooks/shopify/orders-updated", "POST /webhooks/woocommerce/{}");
        documented.checkPublishedAt(port);
    }

    /**
     * A changed address is asked of order-service once (replayed or told by the next edit: still once); its
     * refusal, the order having gone to its supplier, is what ops see, with the address and the reason.
     */
    @Test
    void aChangedAddressIsAskedOfOrderServiceOnceAndItsRefusalIsShownToOps() {
        long shopifyId = SHOP.addOrder("#1007");
        String orderId = orderIdOf(shopifyId);
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(orderId, "#1007"));

        String sameAddress = "{\"id\": " + shopifyId + ", \"name\": \"#1007\", \"shipping_address\": {\"address1\":"
                + " \"1 Example Street\", \"city\": \"London\", \"zip\": \"N1 9GU\", \"country_code\": \"GB\"}}";
        assertThat(SHOP.sendWebhook(webhook("orders-updated"), "wh-upd-1", sameAddress).statusCode()).isEqualTo(202);
        String moved = "{\"id\": " + shopifyId + ", \"name\": \"#1007\", \"shipping_address\": {\"address1\":"
                + " \"9 Other Road\", \"city\": \"Leeds\", \"zip\": \"LS1 4AP\", \"country_code\": \"GB\"}}";
        assertThat(SHOP.sendWebhook(webhook("orders-updated"), "wh-upd-2", moved).statusCode()).isEqualTo(202);
        assertThat(SHOP.sendWebhook(webhook("orders-updated"), "wh-upd-2", moved).statusCode()).isEqualTo(202);
        assertThat(SHOP.sendWebhook(webhook("orders-updated"), "wh-upd-3", moved).statusCode()).isEqualTo(202);

        AddressChangeRequested asked = StoreCommands.exactlyOne(orderId, AddressChangeRequested.class);
        assertThat(asked.requestedBy()).isEqualTo("shopify:" + STORE);
        assertThat(asked.shipTo()).isEqualTo(new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB"));

        // order-service's answer: the order had gone to its supplier (told twice: a replay)
        AddressChangeRefused refused = new AddressChangeRefused(asked.eventId() + "-refused", Instant.now(), orderId,
                asked.requestedBy(), asked.shipTo(), OrderStatus.DISPATCHED,
                "the address of an order that is DISPATCHED cannot change: a label may be printed already");
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, refused);
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, refused);

        List<ChannelRefusal> refusals = refusalsOf(orderId, 1);
        assertThat(refusals.get(0).asked()).isEqualTo("address change");
        assertThat(refusals.get(0).externalRef()).isEqualTo("#1007");
        assertThat(refusals.get(0).reason()).contains("9 Other Road, Leeds, LS1 4AP, GB")
                .contains("DISPATCHED cannot change: a label may be printed already");
    }

    @Test
    void aParcelThatSaysWhatItHoldsIsFulfilledByItsLineItemsAndNoMoreThanTheStoreHasLeft() throws Exception {
        long shopifyId = SHOP.addOrder("#1010", List.of(new Purchase.Item("MUG-001", 2, "Mug"),
                new Purchase.Item("LAMP-7", 1, "Lamp")));
        String orderId = orderIdOf(shopifyId);
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(orderId, "#1010", OrderFixtures.anOrder()
                .withLine("MUG-001", 2, "12.50").withLine("LAMP-7", 1, "30.00")));

        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-10", "DHL",
                new ShippedParcel("JD101", List.of(new ParcelItem(1, "MUG-001", 1, "Mug")))));
        await().atMost(WAIT).until(() -> SHOP.fulfilments("#1010").size() == 1);
        assertThat(SHOP.fulfilments("#1010").get(0).units()).containsExactly(Map.entry("MUG-001", 1));
        assertThat(SHOP.fulfilments("#1010").get(0).numbers()).containsExactly("JD101");
        assertThat(SHOP.unitsLeft("#1010")).containsExactly(Map.entry("MUG-001", 1), Map.entry("LAMP-7", 1));
        // which of the store's line items our line 1 is, kept in the order's state for its next parcels
        try (GatewayTopic<InboundChange> inbound = new GatewayTopic<>(ChannelTopics.INBOUND, InboundChange.class)) {
            InboundChange matched = inbound.until(orderId, found -> found.stream()
                    .anyMatch(c -> c.kind() == InboundChange.Kind.LINES_MATCHED)).stream()
                    .filter(c -> c.kind() == InboundChange.Kind.LINES_MATCHED).findFirst().orElseThrow();
            assertThat(matched.storeLineItems()).containsOnlyKeys(1);
            assertThat(matched.storeLineItems().get(1)).startsWith("gid://shopify/FulfillmentOrderLineItem/");
        }

        // two more mugs where one is left: the store refuses it, and ops see why
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-10", "DHL",
                new ShippedParcel("JD103", List.of(new ParcelItem(1, "MUG-001", 2, "Mug")))));
        JsonNode failure = await().atMost(WAIT).until(() -> failureOf("#1010"), f -> !f.isMissingNode());
        assertThat(failure.path("reason").asString()).contains("JD103").contains("2 of MUG-001 asked, 1 remaining");

        // the rest, the lamp with the last mug, a parcel of the same dispatch
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, orderId, shipped(orderId, "dsp-10", "DHL",
                new ShippedParcel("JD102", List.of(new ParcelItem(1, "MUG-001", 1, "Mug"),
                        new ParcelItem(2, "LAMP-7", 1, "Lamp")))));
        await().atMost(WAIT).until(() -> SHOP.fulfilments("#1010").size() == 2);
        assertThat(SHOP.fulfilments("#1010").get(1).units()).containsExactly(Map.entry("MUG-001", 1),
                Map.entry("LAMP-7", 1));
        assertThat(SHOP.unitsLeft("#1010")).containsExactly(Map.entry("MUG-001", 0), Map.entry("LAMP-7", 0));
    }

    @Test
    void aTamperedUnsignedOrStrangeShopsWebhookIsRefusedAndRecordsNothing() throws Exception {
        long shopifyId = SHOP.addOrder("#1011");
        String orderId = orderIdOf(shopifyId);
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(orderId, "#1011"));
        String cancel = "{\"id\": " + shopifyId + ", \"name\": \"#1011\", \"cancel_reason\": \"fraud\"}";
        String signed = hmac(SECRET, "{\"id\": 1, \"name\": \"#1\"}");

        List<HttpResponse<String>> refused = List.of(
                // a body signed once, changed after: the signature is of another body
                post("orders-cancelled", cancel, Map.of("X-Shopify-Shop-Domain", DOMAIN, "X-Shopify-Hmac-Sha256", signed)),
                post("orders-cancelled", cancel, Map.of("X-Shopify-Shop-Domain", DOMAIN)),
                post("orders-updated", cancel, Map.of("X-Shopify-Shop-Domain", DOMAIN, "X-Shopify-Hmac-Sha256", "not base64!")),
                // signed right, but for a shop we do not know
                post("orders-cancelled", cancel, Map.of("X-Shopify-Shop-Domain", "other.myshopify.com",
                        "X-Shopify-Hmac-Sha256", hmac(SECRET, cancel))),
                post("orders-cancelled", cancel, Map.of("X-Shopify-Hmac-Sha256", hmac(SECRET, cancel))));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });

        // a signed change after them is recorded, and none of theirs before it
        long otherId = SHOP.addOrder("#1012");
        String other = orderIdOf(otherId);
        publisher.publishAndWait(Topics.ORDERS_PLACED, other, placed(other, "#1012"));
        assertThat(SHOP.sendWebhook(webhook("orders-updated"), "wh-upd-1012", "{\"id\": " + otherId
                + ", \"name\": \"#1012\"}").statusCode()).isEqualTo(202);
        try (GatewayTopic<InboundChange> inbound = new GatewayTopic<>(ChannelTopics.INBOUND, InboundChange.class)) {
            inbound.until(other, found -> !found.isEmpty());
            assertThat(inbound.valuesOf(orderId)).isEmpty();
        }
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            commands.until(Duration.ofSeconds(5), seen -> true);
            assertThat(commands.valuesOf(CancelRequested.class)).noneMatch(c -> c.orderId().equals(orderId));
        }
    }

    @Test
    void stockIsPushedAtMostOncePerDebounceWithTheLatestQuantityAndZeroWhenDelisted() {
        SHOP.addVariant("LAMP-7");
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-7", product("LAMP-7", true, 5));
        await().atMost(WAIT).until(() -> SHOP.stockSets("LAMP-7").equals(List.of(5)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-7", product("LAMP-7", true, 7));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-7", product("LAMP-7", true, 9));
        await().atMost(WAIT).until(() -> SHOP.stockSets("LAMP-7").equals(List.of(5, 9)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "LAMP-7", product("LAMP-7", false, 9));
        await().atMost(WAIT).until(() -> SHOP.stockSets("LAMP-7").equals(List.of(5, 9, 0)));
    }

    private JsonNode failureOf(String externalRef) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/channels/stores")).header("X-Admin-Key", OPS_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode store : Json.mapper().readTree(answer.body()).path("stores")) {
            for (JsonNode failure : store.path("failures")) {
                if (failure.path("what").asString().contains(externalRef)) {
                    return failure;
                }
            }
        }
        return Json.mapper().missingNode();
    }

    private HttpResponse<String> post(String topic, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook(topic)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String secret, String body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    private String place(String name) {
        String orderId = orderIdOf(SHOP.addOrder(name));
        publisher.publishAndWait(Topics.ORDERS_PLACED, orderId, placed(orderId, name));
        return orderId;
    }

    /** The id order-service gives a Shopify order placed through its orders/create webhook. */
    private static String orderIdOf(long shopifyId) {
        return EventIds.derived("STOREFRONT", STORE, "shopify:" + shopifyId);
    }

    private static OrderPlaced placed(String orderId, String name) {
        return placed(orderId, name, OrderFixtures.anOrder());
    }

    private static OrderPlaced placed(String orderId, String name, OrderFixtures order) {
        OrderDetails d = order.withOrderId(orderId).details();
        OrderDetails details = new OrderDetails(new OrderSource(Channel.SHOPIFY, STORE, null, null, name), d.currency(),
                d.customer(), d.shipTo(), d.lines(), d.priority(), d.paymentStatus(), d.requests());
        return new OrderPlaced(UUID.randomUUID().toString(), Instant.now(), orderId, details);
    }

    private static OrderStatusChanged moved(String orderId, OrderStatus from, OrderStatus to) {
        return new OrderStatusChanged(UUID.randomUUID().toString(), Instant.now(), orderId, from, to, "it", null);
    }

    private static ParcelsShipped shipped(String orderId, String dispatchId, String carrier, String... numbers) {
        return new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), orderId, dispatchId, "lyon-linen",
                carrier, List.of(numbers));
    }

    /** A shipment that says what its parcel holds, as supplier-gateway writes it. */
    private static ParcelsShipped shipped(String orderId, String dispatchId, String carrier, ShippedParcel parcel) {
        return new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), orderId, dispatchId, "lyon-linen",
                carrier, List.of(parcel.trackingNumber()), List.of(parcel));
    }

    private static ProductUpdated product(String sku, boolean listed, int available) {
        return new ProductUpdated(UUID.randomUUID().toString(), Instant.now(), sku, "Lamp", "A lamp", List.of(),
                new BigDecimal("30.00"), "USD", listed, available, List.of());
    }

    private URI webhook(String topic) {
        return URI.create("http://localhost:" + port + "/webhooks/shopify/" + topic);
    }

    /** Exactly {@code count} refusals of the order come (and no more: an unchanged address is not refused). */
    private static List<ChannelRefusal> refusalsOf(String orderId, int count) {
        try (GatewayTopic<ChannelRefusal> refusals = new GatewayTopic<>(ChannelTopics.REFUSALS, ChannelRefusal.class)) {
            return refusals.exactly(orderId, count);
        }
    }
}
