package com.openfulfil.dropship.local;

import com.openfulfil.dropship.channelsim.Purchase;
import com.openfulfil.dropship.channelsim.ShopifySimulator;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoDriver;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.DemoReport;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.demo.OrderOutcome;
import com.openfulfil.dropship.local.demo.OrderWatcher;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import com.openfulfil.dropship.local.demo.Progress;
import com.openfulfil.dropship.local.process.Repository;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import com.openfulfil.dropship.local.sim.Carriers;
import com.openfulfil.dropship.local.sim.ChannelStores;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton's acceptance test: the whole pipeline (broker, five service processes,
 * simulators) on free ports in a fresh data folder; 100 orders through the public API, each
 * confirmed or completed as it is delivered, and every one must end where it should, with each
 * supplier asked once per order and each partner order paid exactly one, correctly computed,
 * commission. Hanoi Crafts' carrier is followed only by polling its query API, the others by
 * webhooks, so both ways of hearing from a carrier carry orders to DELIVERED. Some dispatches go
 * in two parcels, so orders also pass through PARTIALLY_SHIPPED and PARTIALLY_DELIVERED. Beside them, one order
 * from each of the demo merchant's sales channels (a Shopify store's webhook, a WooCommerce site's
 * webhook, an Amazon seller polled by channel-gateway) is shipped, and each store is told so: Shopify
 * gets a fulfilment with the tracking number, WooCommerce a tracking note and the order completed, Amazon
 * its shipment confirmation.
 */
class PipelineEndToEndIT {
    private static final int ORDERS = 100;
    /** The simulated suppliers ship one dispatch in this many (of two units or more) in two parcels. */
    private static final int SPLIT_ONE_IN = 5;
    private static final Pattern DISPATCH_TOPICS = Pattern.compile("supplier\\..*\\.dispatch");
    private static final String PRICE_RULE = "Selling price cannot be lower than the product's price";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The simulated stores take their orders at once; Amazon is polled often enough for a test. */
    private static final StackConfig.Channels CHANNELS = new StackConfig.Channels(Duration.ZERO, Duration.ofSeconds(5));

    private LocalStack stack;
    private OrderWatcher watcher;
    private ChannelOrders channelOrders;
    private OrderApi api;
    private DemoReport report;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void everyOrderReachesItsFinalStateWithOneDispatchPerSupplierAndOneCommissionPerPartnerOrder() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pipeline-e2e-");
        stack = new LocalStack(Repository.locate(), StackConfig.onFreePorts(data)
                .withSimulatorDelay(Duration.ofMillis(200))
                .withSplitParcels(SPLIT_ONE_IN)
                .withServiceArgs(List.of("--dropship.streams.commit-interval-ms=50"))
                .withPolledCarriers(Carriers.POLLED).withChannels(CHANNELS));
        try {
            stack.start(System.out::println);
            watcher = new OrderWatcher(stack.bootstrapServers()).start(Duration.ofSeconds(60));
            api = new OrderApi(stack.service(Service.ORDER).baseUrl());
            // placed first, so they travel with the demo orders and cost the run hardly any time of their own
            channelOrders = placeOneOrderAtEachStore(stack.channelStores().orElseThrow());

            List<PlannedOrder> plan = DemoOrders.plan("e2e", ORDERS);
            report = new DemoDriver(api, watcher, new DemoDriver.Settings(4, Duration.ofMinutes(2),
                    Duration.ofMinutes(8))).run(plan, Progress.NONE);
            System.out.print(report.render());

            assertEveryOrderEndedAsExpected();
            assertEachPartnerOrderEarnedOneCommission();
            List<DispatchRequested> dispatches = dispatches();
            assertEachSupplierWasAskedOncePerOrder(dispatches);
            assertParcelsOfThePolledCarrierCameByPollingAndTheOthersByWebhook(dispatches);
            assertEachSplitDispatchArrivedUnitByUnit();
            assertAPartnerPriceBelowRetailIsRefused();
            assertEachStoreWasToldOfItsOrdersParcel();
            assertAReshipSendsTheUnitsAgainFromTheSupplierThatShippedThem(dispatches);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n\n" + diagnostics(), e);
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            stack.stop();
        }
    }

    private void assertEveryOrderEndedAsExpected() {
        assertThat(report.orders()).hasSize(ORDERS);
        assertThat(report.unexpected()).as("orders that did not end as expected").isEmpty();
        assertThat(report.countsByStatus()).containsEntry("COMPLETED", 95L).containsEntry("REJECTED", 5L);
    }

    private void assertEachPartnerOrderEarnedOneCommission() {
        List<OrderOutcome> partnerOrders = report.orders().stream().filter(o -> o.plan().isPartner()).toList();
        assertThat(partnerOrders).hasSize(25);
        // commission-service answers the completion a moment after it
        watcher.awaitUntil(() -> partnerOrders.stream().allMatch(o -> !watcher.commissions(o.orderId()).isEmpty()),
                Duration.ofSeconds(30));
        for (OrderOutcome order : partnerOrders) {
            List<CommissionEarned> earned = watcher.commissions(order.orderId());
            assertThat(earned).as("CommissionEarned for %s", order.orderId()).hasSize(1);
            CommissionEarned commission = earned.get(0);
            assertThat(commission.partnerId()).isEqualTo(DemoKeys.PARTNER_ID);
            assertThat(commission.currency()).isEqualTo("USD");
            assertThat(commission.gross()).as("gross of %s", order.orderId()).isEqualByComparingTo(gross(order.plan()));
            assertThat(commission.total()).as("total of %s", order.orderId())
                    .isEqualByComparingTo(totalAfterDemoFees(gross(order.plan())));
        }
        List<String> storefrontOrders = report.orders().stream().filter(o -> !o.plan().isPartner())
                .map(OrderOutcome::orderId).toList();
        assertThat(storefrontOrders).allSatisfy(id -> assertThat(watcher.commissions(id)).isEmpty());
    }

    /** Σ (sale − retail) × quantity. */
    private static BigDecimal gross(PlannedOrder order) {
        return order.lines().stream()
                .map(l -> l.salePrice().subtract(l.product().retail()).multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The demo fees, worked out here on their own: PIT 10 %, then a platform fee of 5 % of the rest + 0.20. */
    private static BigDecimal totalAfterDemoFees(BigDecimal gross) {
        BigDecimal pit = gross.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal platform = gross.subtract(pit).multiply(new BigDecimal("0.05")).add(new BigDecimal("0.20"))
                .setScale(2, RoundingMode.HALF_UP);
        return gross.subtract(pit).subtract(platform).max(BigDecimal.ZERO);
    }

    private List<DispatchRequested> dispatches() {
        return readAll(DISPATCH_TOPICS).stream()
                .filter(DispatchRequested.class::isInstance).map(DispatchRequested.class::cast).toList();
    }

    private void assertEachSupplierWasAskedOncePerOrder(List<DispatchRequested> dispatches) {
        Map<String, Long> perOrderAndSupplier = dispatches.stream()
                .collect(Collectors.groupingBy(d -> d.orderId() + " -> " + d.supplierId(), Collectors.counting()));
        assertThat(perOrderAndSupplier).as("DispatchRequested per (order, supplier)")
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));

        Map<String, List<String>> suppliersByOrder = dispatches.stream().collect(Collectors.groupingBy(
                DispatchRequested::orderId, Collectors.mapping(DispatchRequested::supplierId, Collectors.toList())));
        for (OrderOutcome order : report.orders()) {
            List<String> expected = order.plan().expected() == OrderStatus.COMPLETED ? order.plan().suppliers() : List.of();
            assertThat(suppliersByOrder.getOrDefault(order.orderId(), List.of())).as("suppliers of %s (%s)",
                    order.orderId(), order.plan().externalRef()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * Hanoi Crafts ships with VNPOST, which the stack follows only by polling its query API: each of
     * its parcels of a completed order was delivered with every checkpoint polled; Shenzhen Gadgets'
     * SF parcels came by webhook.
     */
    private void assertParcelsOfThePolledCarrierCameByPollingAndTheOthersByWebhook(List<DispatchRequested> dispatches) {
        Set<String> completed = report.orders().stream().filter(o -> o.plan().expected() == OrderStatus.COMPLETED)
                .map(OrderOutcome::orderId).collect(Collectors.toSet());
        List<String> polled = parcelsOf(dispatches, completed, "hanoi-crafts");
        List<String> posted = parcelsOf(dispatches, completed, "shenzhen-gadgets");
        assertThat(polled).as("VNPOST parcels of completed orders").isNotEmpty();
        assertThat(posted).as("SF parcels of completed orders").isNotEmpty();
        String tracking = stack.service(Service.TRACKING).baseUrl();
        for (String trackingNumber : polled) {
            assertThat(checkpointsVia(tracking, trackingNumber)).as("how %s's checkpoints came", trackingNumber)
                    .hasSize(4).containsOnly("POLLING");
        }
        assertThat(checkpointsVia(tracking, posted.get(0))).hasSize(4).containsOnly("WEBHOOK");
    }

    /**
     * The partial-shipment path: a dispatch the simulated supplier split went in two parcels, the first naming
     * what it holds, the second naming nothing, which supplier-gateway passed on as what the first left; its
     * order was PARTIALLY_SHIPPED, then PARTIALLY_DELIVERED (the second parcel leaves once the first arrived),
     * DELIVERED with its last unit, and its lines count every unit shipped and delivered.
     */
    private void assertEachSplitDispatchArrivedUnitByUnit() {
        Map<String, List<ParcelsShipped>> byDispatch = readAll(Pattern.compile(Pattern.quote(
                Topics.FULFILMENT_EVENTS.name()))).stream().filter(ParcelsShipped.class::isInstance)
                .map(ParcelsShipped.class::cast).collect(Collectors.groupingBy(ParcelsShipped::dispatchId));
        List<List<ParcelsShipped>> split = byDispatch.values().stream().filter(shipments -> shipments.size() == 2)
                .toList();
        assertThat(split).as("dispatches shipped in two parcels, one in %s", SPLIT_ONE_IN).isNotEmpty();
        assertThat(byDispatch.values()).as("no dispatch in more than two").allSatisfy(s -> assertThat(s).hasSizeLessThan(3));
        for (List<ParcelsShipped> shipments : split) {
            assertThat(shipments).as("each parcel of %s says what it holds", shipments.get(0).dispatchId())
                    .allSatisfy(s -> assertThat(s.parcels()).singleElement()
                            .satisfies(p -> assertThat(p.namesContents()).isTrue()));
            String orderId = shipments.get(0).orderId();
            JsonNode order = api.get(orderId).json();
            assertThat(order.get("history")).as("history of %s", orderId).extracting(h -> h.get("status").asString())
                    .contains("PARTIALLY_SHIPPED", "PARTIALLY_DELIVERED", "DELIVERED");
            assertThat(order.get("lines")).as("lines of %s", orderId).allSatisfy(line -> {
                assertThat(line.get("shipped").asInt()).isEqualTo(line.get("quantity").asInt());
                assertThat(line.get("delivered").asInt()).isEqualTo(line.get("quantity").asInt());
            });
        }
    }

    private static List<String> parcelsOf(List<DispatchRequested> dispatches, Set<String> orders, String supplier) {
        return dispatches.stream().filter(d -> orders.contains(d.orderId()) && d.supplierId().equals(supplier))
                .map(d -> Carriers.trackingNumber(Carriers.carrierOf(supplier), d.dispatchId())).toList();
    }

    /** The parcel's checkpoints' receivedVia, as tracking-service shows the parcel once it is delivered. */
    private static List<String> checkpointsVia(String tracking, String trackingNumber) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(tracking + "/api/v1/tracking/" + trackingNumber)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(trackingNumber + ": " + answer.body()).isEqualTo(200);
            JsonNode parcel = Json.mapper().readTree(answer.body());
            assertThat(parcel.get("status").asString()).as(trackingNumber).isEqualTo("DELIVERED");
            List<String> via = new ArrayList<>();
            parcel.get("checkpoints").forEach(c -> via.add(c.path("receivedVia").asString()));
            return via;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The three channel orders: our order ids, and each as its store knows it. */
    private record ChannelOrders(ChannelStores stores, ShopifySimulator.Placed shopify, long wooId, String amazonId) {
        String shopifyOrderId() {
            return EventIds.derived("STOREFRONT", DemoKeys.STOREFRONT_ID, "shopify:" + shopify.id());
        }

        String wooOrderId() {
            return EventIds.derived("STOREFRONT", DemoKeys.WOO_STORE, "woocommerce:" + wooId);
        }

        String amazonOrderId() {
            return EventIds.derived("STOREFRONT", DemoKeys.AMAZON_STORE, "amazon:" + amazonId);
        }
    }

    /**
     * A customer buys at each store: Shopify's orders/create goes to order-service, WooCommerce's
     * order.created to channel-gateway (answered 503 while it still reads the catalog, so it is sent
     * again, as WooCommerce would), and the Amazon order waits for channel-gateway's poll.
     */
    private static ChannelOrders placeOneOrderAtEachStore(ChannelStores stores) {
        ShopifySimulator.Placed shopify = stores.placeShopifyOrder(ChannelStores.purchase(0));
        assertThat(shopify.answer().statusCode()).as(shopify.answer().body()).isEqualTo(200);
        assertThat(shopify.answer().body()).contains("\"accepted\":true");
        long wooId = stores.nextWooId();
        await().atMost(Duration.ofSeconds(60)).until(() -> stores.placeWooOrder(wooId, ChannelStores.purchase(1)).body()
                .contains("\"accepted\":true"));
        return new ChannelOrders(stores, shopify, wooId, stores.placeAmazonOrder(ChannelStores.purchase(2)));
    }

    /**
     * Each channel order's parcels reached its store with the tracking numbers the supplier shipped them
     * under (one parcel, or two when the simulated supplier splits the dispatch): a Shopify fulfilment per
     * parcel, a WooCommerce note per parcel and the order completed, an Amazon shipment confirmation per
     * parcel; none told twice.
     */
    private void assertEachStoreWasToldOfItsOrdersParcel() {
        ChannelStores stores = channelOrders.stores();
        String name = channelOrders.shopify().name();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> shopifyParcels = parcelsOf(channelOrders.shopifyOrderId());
            List<String> wooParcels = parcelsOf(channelOrders.wooOrderId());
            List<String> amazonParcels = parcelsOf(channelOrders.amazonOrderId());
            assertThat(stores.shopify().fulfilments(name)).as("Shopify fulfilments of " + name)
                    .allSatisfy(f -> assertThat(f.company()).isNotBlank())
                    .flatMap(f -> f.numbers()).containsExactlyInAnyOrderElementsOf(shopifyParcels);
            if (shopifyParcels.size() == 1) {
                // the parcel said what it holds: the fulfilment is of those line items, every unit bought
                Purchase.Item bought = ChannelStores.purchase(0).items().get(0);
                assertThat(stores.shopify().fulfilments(name)).singleElement()
                        .satisfies(f -> assertThat(f.units()).isEqualTo(Map.of(bought.sku(), bought.quantity())));
            }
            assertThat(stores.woo().status(channelOrders.wooId())).as("WooCommerce order status").isEqualTo("completed");
            assertThat(stores.woo().notes(channelOrders.wooId())).as("WooCommerce notes").hasSameSizeAs(wooParcels)
                    .allSatisfy(note -> assertThat(wooParcels).anySatisfy(parcel -> assertThat(note).contains(parcel)));
            assertThat(stores.amazon().confirmations()).as("Amazon shipment confirmations")
                    .filteredOn(c -> c.amazonOrderId().equals(channelOrders.amazonId()))
                    .extracting(c -> c.trackingNumber()).containsExactlyInAnyOrderElementsOf(amazonParcels);
        });
    }

    /** The tracking numbers of an order's parcels, as its suppliers shipped them (at least one). */
    private List<String> parcelsOf(String orderId) {
        List<String> numbers = readAll(Pattern.compile(Pattern.quote(Topics.FULFILMENT_EVENTS.name()))).stream()
                .filter(ParcelsShipped.class::isInstance).map(ParcelsShipped.class::cast)
                .filter(p -> p.orderId().equals(orderId)).flatMap(p -> p.trackingNumbers().stream()).distinct().toList();
        assertThat(numbers).as("parcels of channel order " + orderId).isNotEmpty();
        return numbers;
    }

    /**
     * A customer reports a damaged item of a completed order; the admin reships one unit of its first line:
     * the replacement order is dispatched to the supplier that shipped that line and delivered.
     */
    private void assertAReshipSendsTheUnitsAgainFromTheSupplierThatShippedThem(List<DispatchRequested> dispatches) {
        OrderOutcome done = report.orders().stream()
                .filter(o -> !o.plan().isPartner() && o.status() == OrderStatus.COMPLETED).findFirst().orElseThrow();
        String supplier = dispatches.stream().filter(d -> d.orderId().equals(done.orderId()))
                .filter(d -> d.items().stream().anyMatch(i -> i.lineNo() == 1)).findFirst().orElseThrow().supplierId();
        assertThat(api.requestReturn(done.orderId(), "DAMAGED", "The glaze is cracked").status()).isEqualTo(202);
        assertThat(watcher.awaitUntil(() -> watcher.status(done.orderId()).orElse(null) == OrderStatus.RETURN_REQUESTED,
                Duration.ofSeconds(30))).as("return requested").isTrue();

        OrderApi.Response reship = api.reship(done.orderId(), List.of(Map.of("lineNo", 1, "quantity", 1)),
                "cracked on arrival");
        assertThat(reship.status()).as(reship.body()).isEqualTo(202);
        String replacement = reship.json().get("replacementOrderId").asString();
        assertThat(watcher.awaitUntil(() -> watcher.status(replacement).orElse(null) == OrderStatus.DELIVERED,
                Duration.ofSeconds(90))).as("replacement %s delivered", replacement).isTrue();
        assertThat(watcher.status(done.orderId())).contains(OrderStatus.RESHIPPED);
        assertThat(dispatches().stream().filter(d -> d.orderId().equals(replacement)).toList())
                .singleElement().satisfies(d -> {
                    assertThat(d.supplierId()).isEqualTo(supplier);
                    assertThat(d.items()).extracting(i -> i.lineNo() + "x" + i.quantity()).containsExactly("1x1");
                });
    }

    private void assertAPartnerPriceBelowRetailIsRefused() {
        PlannedOrder.Line line = new PlannedOrder.Line(DemoCatalog.MUG, 1,
                DemoCatalog.MUG.retail().subtract(new BigDecimal("0.01")));
        OrderApi.Response response = api.placePartnerOrder(
                DemoOrders.body("E2E-UNDERPRICED", List.of(line), DemoOrders.customer(0), 0), "E2E-UNDERPRICED");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("title").asString()).isEqualTo(PRICE_RULE);
    }

    /** What a store simulator shows it received, or why it could not be read. */
    private static String received(URI store) {
        try {
            return HTTP.send(HttpRequest.newBuilder(store.resolve("/simulator/received")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Every committed event on the topics matching {@code pattern}, from the beginning to their current end. */
    private List<Event> readAll(Pattern pattern) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
             KafkaConsumer<String, Event> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new StringDeserializer(), new EventSerde())) {
            List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> pattern.matcher(t).matches()).toList();
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream()
                            .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<Event> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return events;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pattern + ": " + e.getMessage(), e);
        }
    }

    /** What a failed run needs to be understood: the stuck orders as the API shows them, and every log's tail. */
    private String diagnostics() {
        StringBuilder out = new StringBuilder("==== diagnostics ====\n");
        if (report != null) {
            out.append(report.render());
            report.unexpected().stream().filter(o -> o.orderId() != null).limit(15).forEach(o -> out.append("GET ")
                    .append(o.orderId()).append(" (").append(o.plan().kind()).append(") -> ")
                    .append(api.get(o.orderId()).body()).append('\n'));
        }
        if (stack != null) {
            stack.channelStores().ifPresent(stores -> out.append("Shopify: ").append(received(stores.shopify().baseUrl()))
                    .append("\nWooCommerce: ").append(received(stores.woo().url()))
                    .append("\nAmazon: ").append(received(stores.amazon().endpoint())).append('\n'));
            stack.services().stream().map(ServiceProcess::process)
                    .forEach(p -> out.append(p.logTail()).append('\n'));
            out.append(stack.broker().process().logTail()).append('\n');
        }
        return out.toString();
    }
}
