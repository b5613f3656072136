package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.channel.config.ChannelProperties;
import com.openfulfil.dropship.channel.connector.AmazonPoller;
import com.openfulfil.dropship.channel.connector.AmazonSellers;
import com.openfulfil.dropship.channel.connector.ChannelConnectors;
import com.openfulfil.dropship.channel.connector.InboundChanges;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.channelsim.AmazonSimulator;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An Amazon seller (the simulator, over real HTTP) polled on a real broker: orders read page by page
 * and placed once, the watermark kept on Kafka across a restart of the poller, 429s waited out,
 * access tokens refreshed before they expire, a cancellation on Amazon made ours, each parcel
 * confirmed once with its carrier code and tracking number, and, through the Feeds API, an order we
 * cancel cancelled on Amazon once and a confirmed package's new tracking number corrected once, a feed sent
 * before a restart neither sent again nor left unfollowed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AmazonChannelIT extends KafkaIntegrationTest {
    private static final String STORE = "amazon-us";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AmazonSimulator AMAZON = start();
    private static final String OPS_KEY = "ok_it_amazon";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The consumer group of the connector that makes the calls to the stores. */
    private static final String CONNECTOR_GROUP = "channel-gateway-outbound";

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    AmazonPoller poller;

    @Autowired
    ChannelConnectors connectors;

    @Autowired
    ChannelProperties properties;

    @Autowired
    DropshipProperties dropship;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    RateLimiterRegistry rateLimiters;

    @Autowired
    AmazonSellers sellers;

    @Autowired
    StoreActivity activity;

    @Autowired
    InboundChanges changes;

    @DynamicPropertySource
    static void seller(DynamicPropertyRegistry registry) {
        registry.add("dropship.channels.amazon[0].id", () -> STORE);
        registry.add("dropship.channels.amazon[0].endpoint", () -> AMAZON.endpoint().toString());
        registry.add("dropship.channels.amazon[0].lwa-url", () -> AMAZON.lwaUrl().toString());
        registry.add("dropship.channels.amazon[0].client-id", () -> "amzn1.application-oa2-client.it");
        registry.add("dropship.channels.amazon[0].client-secret", () -> "it-client-secret");
        registry.add("dropship.channels.amazon[0].refresh-token", () -> "Atzr|it-refresh");
        registry.add("dropship.channels.amazon[0].marketplace-ids[0]", () -> "ATVPDKIKX0DER");
        registry.add("dropship.channels.amazon[0].poll-every", () -> "300ms");
        // tokens live 3 s and are refreshed 2 s before: several refreshes within the test
        registry.add("dropship.channels.amazon[0].token-margin", () -> "2s");
        registry.add("dropship.channels.amazon[0].seller-id", () -> AmazonSimulator.SELLER_ID);
        registry.add("dropship.channels.stock-debounce", () -> "2s");
        registry.add("dropship.channels.stock-check-every", () -> "100ms");
        registry.add("dropship.channels.amazon[0].feed-check-every", () -> "200ms");
        registry.add("dropship.channels.admin-key-sha256", () -> ApiKeys.sha256Hex(OPS_KEY));
        FastCalls.register(registry, "amazon-get-orders", "amazon-reads", "amazon-create-feed",
                "amazon-create-feed-document", "amazon-get-feed");
    }

    private static AmazonSimulator start() {
        AmazonSimulator simulator = new AmazonSimulator("Atzr|it-refresh", 2);
        simulator.tokenSeconds(3);
        return simulator;
    }

    @AfterAll
    static void stop() {
        AMAZON.close();
    }

    /**
     * Each test's orders come after every earlier test's, past the watermark those left (an order a feed cancelled
     * was updated the moment it was cancelled).
     */
    private static Instant base() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void ordersArePolledPageByPageAndPlacedOnceAcrossARestart() {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.tooManyRequests(2);
        AMAZON.putOrder("111-0000001", "Unshipped", t.plusMillis(1), "MUG-001", 1);
        AMAZON.putOrder("111-0000002", "Unshipped", t.plusMillis(2), "MUG-001", 2);
        AMAZON.putOrder("111-0000003", "Pending", t.plusMillis(3), "MUG-001", 1);
        AMAZON.putOrder("111-0000004", "PartiallyShipped", t.plusMillis(4), "MUG-001", 3);
        AMAZON.putOrder("111-0000005", "Unshipped", t.plusMillis(5), "NOT-OURS", 1);

        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).containsAll(List.of(id("111-0000001"), id("111-0000002"),
                    id("111-0000004"))));
            OrderPlaced first = placed.valuesOf(OrderPlaced.class).stream()
                    .filter(p -> p.orderId().equals(id("111-0000002"))).findFirst().orElseThrow();
            assertThat(first.order().source().channel()).isEqualTo(Channel.AMAZON);
            assertThat(first.order().source().externalRef()).isEqualTo("111-0000002");
            assertThat(first.order().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
            assertThat(first.order().shipTo().country()).isEqualTo("US");
            // getOrders leaves the buyer and the street out: they were read under a Restricted Data Token
            assertThat(first.order().shipTo().line1()).isEqualTo("1 Navy Way");
            assertThat(first.order().customer().email()).isEqualTo("buyer-111-0000002@marketplace.amazon.com");
            assertThat(AMAZON.restrictedDataTokens()).isGreaterThanOrEqualTo(3);

            // the watermark reached the latest order taken, and is read back from Kafka after a restart
            await().atMost(WAIT).until(() -> AMAZON.lastUpdatedAfters().contains(t.plusMillis(5).toString()));
            poller.stop();
            AMAZON.putOrder("111-0000006", "Unshipped", t.plusMillis(6), "MUG-001", 1);
            int before = AMAZON.lastUpdatedAfters().size();
            poller.start();
            placed.until(WAIT, seen -> placedIds(placed).contains(id("111-0000006")));
            assertThat(AMAZON.lastUpdatedAfters().get(before)).isEqualTo(t.plusMillis(5).toString());

            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
                placed.until(Duration.ofSeconds(5), seen -> true);
                return placedIds(placed).size() == placedIds(placed).stream().distinct().count();
            });
            assertThat(placedIds(placed)).doesNotContain(id("111-0000003"), id("111-0000005"));
        }
        // tokens were refreshed as they came close to expiring, never used expired
        assertThat(AMAZON.refreshes()).isGreaterThan(1);
        assertThat(AMAZON.refusedTokens()).isZero();
    }

    @Test
    void aParcelIsConfirmedOnceAndACancellationOnAmazonBecomesOurs() {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.putOrder("222-0000001", "Unshipped", t.plusMillis(20), "MUG-001", 2);
        AMAZON.putOrder("222-0000002", "Unshipped", t.plusMillis(21), "MUG-001", 1);
        String shipped = id("222-0000001");
        String cancelled = id("222-0000002");
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).containsAll(List.of(shipped, cancelled)));
        }

        ParcelsShipped parcel = new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), shipped, "dsp-a1",
                "lyon-linen", "UPS", List.of("1ZAMZ1"));
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, shipped, parcel);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, shipped, parcel);
        await().atMost(WAIT).until(() -> AMAZON.confirmations().stream().anyMatch(c -> c.amazonOrderId().equals("222-0000001")));
        assertThat(AMAZON.confirmations()).filteredOn(c -> c.amazonOrderId().equals("222-0000001")).singleElement()
                .isEqualTo(new AmazonSimulator.Confirmation("222-0000001", "UPS", "1ZAMZ1", 1));

        // a parcel that says what it holds is confirmed for those units alone; the next one for the rest
        String split = id("222-0000003");
        AMAZON.putOrder("222-0000003", "Unshipped", t.plusMillis(22), "MUG-001", 3);
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).contains(split));
        }
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, split, new ParcelsShipped(UUID.randomUUID().toString(),
                Instant.now(), split, "dsp-a3", "lyon-linen", "UPS", List.of("1ZAMZ3"),
                List.of(new ShippedParcel("1ZAMZ3", List.of(new ParcelItem(1, "MUG-001", 1))))));
        await().atMost(WAIT).until(() -> AMAZON.unitsShipped("222-0000003") == 1);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, split, new ParcelsShipped(UUID.randomUUID().toString(),
                Instant.now(), split, "dsp-a3", "lyon-linen", "UPS", List.of("1ZAMZ4"),
                List.of(new ShippedParcel("1ZAMZ4", List.of(new ParcelItem(1, "MUG-001", 2))))));
        await().atMost(WAIT).until(() -> AMAZON.unitsShipped("222-0000003") == 3);
        assertThat(AMAZON.confirmations()).filteredOn(c -> c.amazonOrderId().equals("222-0000003"))
                .extracting(AmazonSimulator.Confirmation::trackingNumber).containsExactly("1ZAMZ3", "1ZAMZ4");

        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, cancelled, new OrderStatusChanged(UUID.randomUUID().toString(),
                Instant.now(), cancelled, OrderStatus.PLACED, OrderStatus.CONFIRMED, "it", null));
        AMAZON.putOrder("222-0000002", "Canceled", t.plusMillis(30), "MUG-001", 1);
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            commands.until(WAIT, seen -> commands.valuesOf(CancelRequested.class).stream()
                    .anyMatch(c -> c.orderId().equals(cancelled) && c.requestedBy().equals("amazon:" + STORE)));
        }
    }

    @Test
    void anOrderWeCancelIsCancelledOnAmazonOnceThroughAnAcknowledgementFeedAfterItsTooManyRequests() {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.putOrder("333-0000001", "Unshipped", t.plusMillis(1), "MUG-001", 2);
        String ours = id("333-0000001");
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).contains(ours));
        }
        int throttledBefore = AMAZON.feedCallsThrottled();
        AMAZON.tooManyFeedRequests(2);

        // ops cancel it: the suppliers are asked, and their answer ends the cancelling with words of their own
        moved(ours, OrderStatus.PLACED, OrderStatus.CONFIRMED, "confirmed");
        moved(ours, OrderStatus.CONFIRMED, OrderStatus.CANCELLING,
                "cancelled by ops: out of stock at the supplier; asking the suppliers");
        OrderStatusChanged cancelled = moved(ours, OrderStatus.CANCELLING, OrderStatus.CANCELLED,
                "every supplier cancelled its dispatch");
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, ours, cancelled);  // told twice

        await().atMost(WAIT).until(() -> "Canceled".equals(AMAZON.orderStatus("333-0000001")));
        assertThat(AMAZON.feedCallsThrottled() - throttledBefore).as("429s answered, then waited out").isEqualTo(2);
        // Amazon's order, now Canceled, is polled again (the watermark passes it): it is cancelled with us already,
        // so nothing is asked of order-service, and Amazon is told nothing more
        String cancelledOnAmazon = AMAZON.lastUpdated("333-0000001").toString();
        await().atMost(WAIT).until(() -> AMAZON.lastUpdatedAfters().contains(cancelledOnAmazon));
        try (TopicReader commands = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDER_COMMANDS.name())) {
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> {
                commands.until(Duration.ofSeconds(5), seen -> true);
                return commands.valuesOf(CancelRequested.class).stream().noneMatch(c -> c.orderId().equals(ours))
                        && AMAZON.cancellations().stream().filter(c -> c.amazonOrderId().equals("333-0000001"))
                        .count() == 1;
            });
        }
        assertThat(AMAZON.cancellations()).filteredOn(c -> c.amazonOrderId().equals("333-0000001")).singleElement()
                .isEqualTo(new AmazonSimulator.Cancellation("333-0000001", "NoInventory", 1));
        assertThat(AMAZON.feedTypes()).contains("POST_ORDER_ACKNOWLEDGEMENT_DATA");
    }

    @Test
    void aTrackingNumberChangedAfterConfirmationIsCorrectedOnceThroughTheFulfilmentFeed() {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.putOrder("333-0000002", "Unshipped", t.plusMillis(2), "MUG-001", 2);
        String ours = id("333-0000002");
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).contains(ours));
        }
        // a shipment that does not name its parcels' contents: another number at the same place re-tracks the parcel
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, ours, new ParcelsShipped(UUID.randomUUID().toString(),
                Instant.now(), ours, "dsp-c2", "lyon-linen", "UPS", List.of("1ZWRONG")));
        await().atMost(WAIT).until(() -> AMAZON.unitsShipped("333-0000002") == 2);
        ParcelsShipped corrected = new ParcelsShipped(UUID.randomUUID().toString(), Instant.now(), ours, "dsp-c2",
                "lyon-linen", "DHL", List.of("JJD0099"));
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, ours, corrected);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, ours, corrected);  // replayed

        await().atMost(WAIT).until(() -> AMAZON.trackingNumbers("333-0000002").equals(List.of("JJD0099")));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> AMAZON.trackingCorrections().stream()
                .filter(c -> c.amazonOrderId().equals("333-0000002")).count() == 1);
        assertThat(AMAZON.trackingCorrections()).filteredOn(c -> c.amazonOrderId().equals("333-0000002"))
                .singleElement().isEqualTo(new AmazonSimulator.TrackingCorrection("333-0000002", "DHL", "JJD0099", 1));
        // corrected, not shipped again: one confirmation, the units shipped once
        assertThat(AMAZON.confirmations()).filteredOn(c -> c.amazonOrderId().equals("333-0000002")).singleElement()
                .extracting(AmazonSimulator.Confirmation::trackingNumber).isEqualTo("1ZWRONG");
        assertThat(AMAZON.unitsShipped("333-0000002")).isEqualTo(2);
        assertThat(AMAZON.orderStatus("333-0000002")).isNotEqualTo("Canceled");
    }

    @Test
    void aFeedAmazonCouldNotProcessIsShownToOpsWithItsReasonAndSentAgainWhenOpsRetryIt() throws Exception {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.putOrder("333-0000003", "Unshipped", t.plusMillis(3), "MUG-001", 1);
        String ours = id("333-0000003");
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).contains(ours));
        }
        AMAZON.failFeeds(1);
        moved(ours, OrderStatus.PLACED, OrderStatus.CANCELLED, "cancelled by ops: the customer asked");

        JsonNode failure = await().atMost(WAIT).until(() -> failureOf("333-0000003"), f -> !f.isMissingNode());
        assertThat(failure.path("reason").asString()).contains("FATAL", "could not be processed");
        assertThat(AMAZON.orderStatus("333-0000003")).isEqualTo("Unshipped");

        String retry = "/api/v1/channels/stores/" + STORE + "/failures/" + failure.path("id").asString() + "/retry";
        assertThat(call("POST", retry).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "Canceled".equals(AMAZON.orderStatus("333-0000003")));
        assertThat(AMAZON.cancellations()).filteredOn(c -> c.amazonOrderId().equals("333-0000003")).singleElement()
                .isEqualTo(new AmazonSimulator.Cancellation("333-0000003", "BuyerCanceled", 1));
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)  // its connector is stopped and replaced
    void aFeedSentBeforeARestartIsNotSentAgainAfterItAndIsFollowedToItsOutcome() throws Exception {
        Instant t = base();
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "MUG-001", product());
        AMAZON.putOrder("444-0000001", "Unshipped", t.plusMillis(1), "MUG-001", 1);
        AMAZON.putOrder("444-0000002", "Unshipped", t.plusMillis(2), "MUG-001", 1);
        String failing = id("444-0000001");
        String cancelled = id("444-0000002");
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(WAIT, seen -> placedIds(placed).containsAll(List.of(failing, cancelled)));
        }
        ChannelConnectors restarted = null;
        AMAZON.holdFeeds(true);  // Amazon takes the feeds and leaves them in its queue
        try {
            moved(failing, OrderStatus.PLACED, OrderStatus.CANCELLED, "cancelled by ops: the customer asked");
            await().atMost(WAIT).until(() -> AMAZON.feedsNaming("444-0000001") == 1);
            moved(cancelled, OrderStatus.PLACED, OrderStatus.CANCELLED, "cancelled by ops: out of stock");
            await().atMost(WAIT).until(() -> AMAZON.feedsNaming("444-0000002") == 1);

            // the gateway stops once Amazon took both feeds but before their calls were recorded as made: after
            // the restart, its connector reads both calls again from channels.outbound
            connectors.stop();
            Map<TopicPartition, Long> calls = cancelCalls(failing, cancelled);
            rewindConnector(calls);
            restarted = new ChannelConnectors(properties, dropship.kafka().bootstrapServers(),
                    dropship.kafka().security(), "channel-gateway", breakers, rateLimiters, sellers, activity, changes);
            restarted.start();
            await().atMost(WAIT).until(() -> connectorPassed(calls));
            assertThat(AMAZON.feedsNaming("444-0000001")).as("no second feed").isEqualTo(1);
            assertThat(AMAZON.feedsNaming("444-0000002")).as("no second feed").isEqualTo(1);
            assertThat(AMAZON.orderStatus("444-0000002")).isEqualTo("Unshipped");

            // Amazon processes them after the restart: the first fails, the second cancels its order
            AMAZON.failFeeds(1);
            AMAZON.holdFeeds(false);
            JsonNode failure = await().atMost(WAIT).until(() -> failureOf("444-0000001"), f -> !f.isMissingNode());
            assertThat(failure.path("reason").asString()).contains("FATAL", "could not be processed");
            await().atMost(WAIT).until(() -> "Canceled".equals(AMAZON.orderStatus("444-0000002")));
            assertThat(AMAZON.cancellations()).filteredOn(c -> c.amazonOrderId().equals("444-0000002"))
                    .singleElement().isEqualTo(new AmazonSimulator.Cancellation("444-0000002", "NoInventory", 1));

            // the feed Amazon failed is forgotten: ops' retry sends it again, once
            String retry = "/api/v1/channels/stores/" + STORE + "/failures/" + failure.path("id").asString() + "/retry";
            assertThat(call("POST", retry).statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> "Canceled".equals(AMAZON.orderStatus("444-0000001")));
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> AMAZON.feedsNaming("444-0000001") == 2
                    && AMAZON.feedsNaming("444-0000002") == 1);
        } finally {
            AMAZON.holdFeeds(false);
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    /** Where the CANCEL calls of the orders are on channels.outbound: the first of them on each partition. */
    private static Map<TopicPartition, Long> cancelCalls(String... orderIds) {
        Map<TopicPartition, Long> first = new HashMap<>();
        try (GatewayTopic<OutboundCall> outbound = new GatewayTopic<>(Topics.CHANNELS_OUTBOUND.name(),
                OutboundCall.class)) {
            for (String orderId : orderIds) {
                outbound.until(orderId, calls -> calls.stream().anyMatch(c -> c.kind() == OutboundCall.Kind.CANCEL));
                ConsumerRecord<String, OutboundCall> call = outbound.recordsOf(orderId).stream()
                        .filter(r -> r.value().kind() == OutboundCall.Kind.CANCEL).findFirst().orElseThrow();
                first.merge(new TopicPartition(call.topic(), call.partition()), call.offset(), Math::min);
            }
        }
        return first;
    }

    /** The connector's group, stopped, is set back to read from the calls again. */
    private static void rewindConnector(Map<TopicPartition, Long> calls) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        calls.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBroker.bootstrapServers()))) {
            // the group takes new offsets once its stopped member has left it
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(CONNECTOR_GROUP, offsets).all().get();
                return true;
            });
        }
    }

    /** Whether the connector's committed offsets passed the calls. */
    private static boolean connectorPassed(Map<TopicPartition, Long> calls) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONNECTOR_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return calls.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() > e.getValue());
        }
    }

    /** The store's failure whose call names the Amazon order; missing while there is none. */
    private JsonNode failureOf(String amazonOrderId) throws Exception {
        HttpResponse<String> answer = call("GET", "/api/v1/channels/stores");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode store : Json.mapper().readTree(answer.body()).path("stores")) {
            for (JsonNode failure : store.path("failures")) {
                if (store.path("storeId").asString().equals(STORE)
                        && failure.path("what").asString().contains(amazonOrderId)) {
                    return failure;
                }
            }
        }
        return MissingNode.getInstance();
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Admin-Key", OPS_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private OrderStatusChanged moved(String orderId, OrderStatus from, OrderStatus to, String reason) {
        OrderStatusChanged moved = new OrderStatusChanged(UUID.randomUUID().toString(), Instant.now(), orderId, from,
                to, reason, null);
        publisher.publishAndWait(Topics.ORDERS_LIFECYCLE, orderId, moved);
        return moved;
    }

    @Test
    void stockSetsTheSellersOfferQuantityAtMostOncePerDebounceAndSkipsASkuItDoesNotList() {
        AMAZON.addListing("KETTLE-3");
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "KETTLE-3", product("KETTLE-3", true, 5));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "RUG-4", product("RUG-4", true, 8));  // not listed there
        await().atMost(WAIT).until(() -> AMAZON.stockSets("KETTLE-3").equals(List.of(5)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "KETTLE-3", product("KETTLE-3", true, 7));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "KETTLE-3", product("KETTLE-3", true, 9));
        await().atMost(WAIT).until(() -> AMAZON.stockSets("KETTLE-3").equals(List.of(5, 9)));
        publisher.publishAndWait(Topics.CATALOG_PRODUCTS, "KETTLE-3", product("KETTLE-3", false, 9));
        await().atMost(WAIT).until(() -> AMAZON.stockSets("KETTLE-3").equals(List.of(5, 9, 0)));
        assertThat(AMAZON.stockSets("RUG-4")).isEmpty();
    }

    private static List<String> placedIds(TopicReader reader) {
        return reader.valuesOf(OrderPlaced.class).stream().map(OrderPlaced::orderId)
                .filter(id -> id.equals(id(idOf(id)))).toList();
    }

    private static String idOf(String orderId) {
        for (int batch : new int[]{111, 222, 333, 444}) {
            for (int n = 1; n <= 6; n++) {
                String amazonId = batch + "-000000" + n;
                if (id(amazonId).equals(orderId)) {
                    return amazonId;
                }
            }
        }
        return "";
    }

    private static String id(String amazonOrderId) {
        return EventIds.derived("STOREFRONT", STORE, "amazon:" + amazonOrderId);
    }

    private static ProductUpdated product() {
        return product("MUG-001", true, 50);
    }

    private static ProductUpdated product(String sku, boolean listed, int available) {
        return new ProductUpdated(UUID.randomUUID().toString(), Instant.now(), sku, "Mug", "A mug", List.of(),
                new BigDecimal("12.50"), "USD", listed, available, List.of());
    }
}
