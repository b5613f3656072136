package com.openfulfil.dropship.catalog.it;

import com.openfulfil.dropship.catalog.CatalogServiceApplication;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.AllocationEvent;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferView;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No oversell (R1.5): 200 orders race for the last 60 units of a product, spread over the three
 * partitions, with two catalog-service instances sharing the work and one of them restarted while
 * the orders are being allocated. Exactly the 60 units are allocated, no order is answered twice,
 * and what the catalog holds reserved afterwards is exactly what it allocated. Among them, 10 orders
 * of 3 race for a product two suppliers hold 5 each: whatever their order, two are held whole at one
 * supplier and the third is split over what both have left, 9 units in all, and the rest are refused.
 */
class NoOversellIT {
    private static final String SCARCE = "LAST-UNITS-1";
    private static final String PLENTY = "PLENTY-1";
    private static final String SPLIT = "SPLIT-1";
    private static final int ORDERS = 200;
    private static final int SPLIT_ORDERS = 10;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private static PrivateBroker broker;
    private static Path data;
    private static EventPublisher publisher;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void broker() throws Exception {
        broker = PrivateBroker.start();
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "no-oversell-");
        publisher = new EventPublisher(broker.bootstrapServers(), "no-oversell-it");
    }

    @AfterAll
    static void stop() {
        publisher.close();
        broker.close();
    }

    private ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(CatalogServiceApplication.class).run(
                "--dropship.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--dropship.state-dir=" + data.resolve(name).toAbsolutePath(),
                "--dropship.streams.commit-interval-ms=50",
                "--server.port=0");
    }

    private static boolean ready(ConfigurableApplicationContext instance) {
        return instance.getBean("streams", HealthIndicator.class).health().getStatus().equals(Status.UP);
    }

    private static int activeTasks(ConfigurableApplicationContext instance) {
        return instance.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().stream()
                .map(f -> f.getKafkaStreams()).filter(s -> s != null && s.state() == KafkaStreams.State.RUNNING)
                .mapToInt(s -> s.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum()).sum();
    }

    @Test
    void exactlyTheAvailableUnitsAreAllocatedAcrossInstancesAndARestart() {
        ConfigurableApplicationContext a = start("instance-a");
        ConfigurableApplicationContext b = start("instance-b");
        instances.add(a);
        try {
            await().atMost(WAIT).until(() -> ready(a) && ready(b) && activeTasks(a) > 0 && activeTasks(b) > 0);

            feed(SCARCE, "hanoi-crafts", 40, "4.20");
            feed(SCARCE, "shenzhen-gadgets", 20, "4.60");
            feed(PLENTY, "lyon-linen", 100_000, "6.50");
            feed(SPLIT, "hanoi-crafts", 5, "4.20");
            feed(SPLIT, "shenzhen-gadgets", 5, "4.60");
            try (TopicReader products = new TopicReader(broker.bootstrapServers(), Topics.CATALOG_PRODUCTS.name())) {
                products.until(WAIT, seen -> latest(products, SCARCE).map(p -> p.available() == 60).orElse(false)
                        && latest(products, SPLIT).map(p -> p.available() == 10).orElse(false));
            }

            List<OrderPlaced> orders = IntStream.range(0, ORDERS).mapToObj(NoOversellIT::order).toList();
            List<OrderPlaced> threes = IntStream.range(0, SPLIT_ORDERS).mapToObj(NoOversellIT::orderOfThree).toList();
            assertThat(orders.stream().map(o -> partition(o.orderId())).distinct()).as("partitions").hasSize(3);
            assertThat(threes.stream().map(o -> partition(o.orderId())).distinct()).as("partitions").hasSize(3);

            // half the orders, then instance b goes away while they are being allocated, then the rest
            place(orders.subList(0, ORDERS / 2));
            place(threes.subList(0, SPLIT_ORDERS / 2));
            b.close();
            place(threes.subList(SPLIT_ORDERS / 2, SPLIT_ORDERS));
            place(orders.subList(ORDERS / 2, ORDERS));
            ConfigurableApplicationContext restarted = start("instance-b");
            instances.add(restarted);

            Map<String, List<AllocationEvent>> outcomes = awaitOutcomes();
            assertThat(outcomes).as("every order answered").hasSize(ORDERS + SPLIT_ORDERS);
            assertThat(outcomes.values()).as("no order answered twice").allSatisfy(o -> assertThat(o).hasSize(1));

            List<LineAllocation> scarceLines = outcomes.values().stream().map(o -> o.get(0))
                    .filter(StockAllocated.class::isInstance).map(StockAllocated.class::cast)
                    .flatMap(s -> s.lines().stream()).filter(l -> l.sku().equals(SCARCE)).toList();
            assertThat(scarceLines.stream().mapToInt(LineAllocation::quantity).sum()).as("units allocated").isEqualTo(60);
            assertThat(scarceLines.stream().collect(Collectors.groupingBy(l -> l.chosen().supplierId(),
                    Collectors.summingInt(LineAllocation::quantity))))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("hanoi-crafts", 40, "shenzhen-gadgets", 20));
            long rejected = outcomes.values().stream().map(o -> o.get(0)).filter(StockRejected.class::isInstance)
                    .map(StockRejected.class::cast).filter(r -> r.shortLines().get(0).sku().equals(SCARCE)).count();
            assertThat(rejected).isEqualTo(ORDERS - 60);

            List<StockAllocated> threesAllocated = outcomes.values().stream().map(o -> o.get(0))
                    .filter(StockAllocated.class::isInstance).map(StockAllocated.class::cast)
                    .filter(s -> s.lines().get(0).sku().equals(SPLIT)).toList();
            assertThat(threesAllocated).as("orders of 3 allocated").hasSize(3);
            assertThat(threesAllocated.stream().flatMap(s -> s.lines().stream()).collect(Collectors.groupingBy(
                    l -> l.chosen().supplierId(), Collectors.summingInt(LineAllocation::quantity))))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("hanoi-crafts", 5, "shenzhen-gadgets", 4));
            assertThat(threesAllocated).filteredOn(s -> s.lines().size() == 2).as("split over both suppliers")
                    .singleElement().satisfies(s -> assertThat(s.lines())
                            .extracting(l -> l.lineNo() + ":" + l.quantity() + "@" + l.chosen().supplierId())
                            .containsExactly("1:2@hanoi-crafts", "1:1@shenzhen-gadgets"));

            long allocatedWithPlenty = outcomes.values().stream().map(o -> o.get(0))
                    .filter(StockAllocated.class::isInstance).map(StockAllocated.class::cast)
                    .filter(s -> s.lines().stream().anyMatch(l -> l.sku().equals(PLENTY))).count();
            try (TopicReader products = new TopicReader(broker.bootstrapServers(), Topics.CATALOG_PRODUCTS.name())) {
                // what stays reserved is exactly what was allocated: nothing lost, nothing held twice,
                // and a rejected two-line order gave its plentiful line back
                products.until(WAIT, seen -> latest(products, SCARCE).isPresent() && latest(products, PLENTY).isPresent());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    products.until(Duration.ofSeconds(1), seen -> true);
                    assertThat(latest(products, SCARCE).orElseThrow().available()).as("scarce available").isZero();
                    assertThat(reserved(latest(products, PLENTY).orElseThrow())).as("plenty reserved")
                            .isEqualTo(allocatedWithPlenty);
                    assertThat(latest(products, SPLIT).orElseThrow().offers())
                            .extracting(o -> o.supplierId() + ":" + o.reserved())
                            .containsExactlyInAnyOrder("hanoi-crafts:5", "shenzhen-gadgets:4");
                });
                ProductUpdated scarce = latest(products, SCARCE).orElseThrow();
                assertThat(scarce.offers()).allSatisfy(o -> assertThat(o.reserved()).isEqualTo(o.stock()));
                assertThat(scarce.listed()).isFalse();
            }
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static OrderPlaced order(int n) {
        OrderFixtures order = OrderFixtures.anOrder().withOrderId(EventIds.derived("no-oversell", Integer.toString(n)))
                .withLine(SCARCE, 1, "12.50");
        if (n % 4 == 0) {
            order.withLine(PLENTY, 1, "18.00");
        }
        return order.build();
    }

    private static OrderPlaced orderOfThree(int n) {
        return OrderFixtures.anOrder().withOrderId(EventIds.derived("no-oversell-split", Integer.toString(n)))
                .withLine(SPLIT, 3, "12.50").build();
    }

    private static int partition(String orderId) {
        return Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8))) % Topics.PARTITIONS;
    }

    private static void place(List<OrderPlaced> orders) {
        CompletableFuture.allOf(orders.stream()
                .map(o -> publisher.publish(Topics.ORDERS_PLACED, o.orderId(), o))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static void feed(String sku, String supplierId, int stock, String cost) {
        publisher.publishAndWait(Topics.CATALOG_FEED, sku, new OfferFeedRow(EventIds.random(), Instant.now(), sku,
                supplierId, supplierId + "-" + sku, "Product " + sku, null, null, new BigDecimal(cost), "USD", stock, 2,
                BigDecimal.ONE, 1, new BigDecimal("12.50"), null, null));
    }

    private static Map<String, List<AllocationEvent>> awaitOutcomes() {
        try (TopicReader allocations = new TopicReader(broker.bootstrapServers(), Topics.ORDER_ALLOCATIONS.name())) {
            allocations.until(WAIT, seen -> seen.stream().map(r -> r.key()).distinct().count()
                    >= ORDERS + SPLIT_ORDERS);
            return allocations.valuesOf(AllocationEvent.class).stream()
                    .collect(Collectors.groupingBy(AllocationEvent::orderId));
        }
    }

    /** A product's updates share one partition, so the last one read is its current state. */
    private static java.util.Optional<ProductUpdated> latest(TopicReader products, String sku) {
        List<ProductUpdated> updates = products.valuesOf(ProductUpdated.class).stream()
                .filter(p -> p.sku().equals(sku)).toList();
        return updates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(updates.get(updates.size() - 1));
    }

    private static long reserved(ProductUpdated product) {
        return product.offers().stream().mapToLong(OfferView::reserved).sum();
    }

}
