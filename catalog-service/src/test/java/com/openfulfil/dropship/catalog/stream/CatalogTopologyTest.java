package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.FeedRows;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.LineReserved;
import com.openfulfil.dropship.events.catalog.LineUnavailable;
import com.openfulfil.dropship.events.catalog.LowStock;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.OutOfStock;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.ReleaseRequested;
import com.openfulfil.dropship.events.catalog.ReserveRequested;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ShortLine;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.Locality;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole catalog stream on TopologyTestDriver, run twice: with every product in the order's task
 * (one partition, the default: an order is allocated in the step that reads it) and with every product
 * in another task (several partitions: reservation topics loop back into the stream, as on a broker).
 */
abstract class CatalogTopologyTest {
    private static final List<TopicSpec> OUTPUTS = List.of(Topics.CATALOG_PRODUCTS, Topics.STOCK_ALERTS,
            Topics.RESERVATION_REQUESTS, Topics.RESERVATION_RESULTS, Topics.ORDER_ALLOCATIONS);

    private TopologyHarness harness;

    /** Where the products live, seen from the order's task. */
    abstract Locality locality();

    private boolean throughTopics() {
        return !locality().isLocal("MUG-001");
    }

    @BeforeEach
    void start() {
        harness = TopologyHarness.of(builder -> CatalogTopology.build(builder.stream(CatalogTopology.INPUTS),
                new CatalogPolicy(null, 10), STOCK_PUBLISHED_EVERY, context -> locality()));
    }

    static final Duration STOCK_PUBLISHED_EVERY = Duration.ofSeconds(1);

    @AfterEach
    void stop() {
        harness.close();
    }

    private void feed(OfferFeedRow... rows) {
        for (OfferFeedRow row : rows) {
            harness.pipe(Topics.CATALOG_FEED, row.sku(), row);
        }
    }

    private void stockTheShelves() {
        feed(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 100, 1),
                offer("MUG-001", "shenzhen-gadgets", "4.60", "1.50", 100, 2),
                offer("LAMP-010", "shenzhen-gadgets", "14.00", "3.00", 50, 1),
                offer("SCARF-007", "hanoi-crafts", "9.00", "1.20", 3, 1));
        drain();
    }

    /** Reads (and forgets) everything written so far. */
    private List<Event> drain() {
        return OUTPUTS.stream().flatMap(t -> harness.read(t).stream()).map(kv -> kv.value).toList();
    }

    private Product product(String sku) {
        return harness.<Product>store(CatalogTopology.INVENTORY_STORE).get(sku);
    }

    @Test
    void aFeedRowPublishesTheProductKeyedBySku() {
        feed(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 120, 1));

        List<KeyValue<String, Event>> products = harness.read(Topics.CATALOG_PRODUCTS);
        assertThat(products).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("MUG-001");
            ProductUpdated product = (ProductUpdated) kv.value;
            assertThat(product.listed()).isTrue();
            assertThat(product.available()).isEqualTo(120);
            assertThat(product.retailPrice()).isEqualByComparingTo("20.00");
            assertThat(product.offers()).singleElement().satisfies(o -> {
                assertThat(o.supplierId()).isEqualTo("hanoi-crafts");
                assertThat(o.stock()).isEqualTo(120);
                assertThat(o.available()).isEqualTo(120);
            });
            assertThat(product.occurredAt()).isEqualTo(harness.now());
        });
    }

    @Test
    void reImportingTheSameRowEmitsNothing() {
        feed(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 120, 1));
        drain();

        feed(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 120, 1));

        assertThat(drain()).isEmpty();
    }

    @Test
    void anOrderOfTwoLinesIsReservedLineByLineAndAllocated() {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-1").withLine("MUG-001", 2, "12.50")
                .withLine("LAMP-010", 1, "39.00").build();

        harness.pipe(Topics.ORDERS_PLACED, order);

        List<KeyValue<String, Event>> requests = harness.read(Topics.RESERVATION_REQUESTS);
        if (throughTopics()) {
            assertThat(requests).extracting(kv -> kv.key).containsExactly("MUG-001", "LAMP-010");
            assertThat(requests).extracting(kv -> kv.value).allMatch(ReserveRequested.class::isInstance);
            assertThat(harness.readValues(Topics.RESERVATION_RESULTS, LineReserved.class))
                    .extracting(LineReserved::lineNo).containsExactlyInAnyOrder(1, 2);
        } else {
            assertThat(requests).as("reserved in place").isEmpty();
            assertThat(harness.read(Topics.RESERVATION_RESULTS)).isEmpty();
        }
        List<KeyValue<String, Event>> allocations = harness.read(Topics.ORDER_ALLOCATIONS);
        assertThat(allocations).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("o-1");
            StockAllocated allocated = (StockAllocated) kv.value;
            assertThat(allocated.order()).isEqualTo(order.order());
            assertThat(allocated.lines()).extracting(l -> l.sku() + ":" + l.chosen().supplierId())
                    .containsExactly("MUG-001:hanoi-crafts", "LAMP-010:shenzhen-gadgets");
            assertThat(allocated.lines().get(0).backups()).extracting(OfferRef::supplierId)
                    .containsExactly("shenzhen-gadgets");
        });
        assertThat(product("MUG-001").available()).isEqualTo(198);
        assertThat(product("LAMP-010").available()).isEqualTo(49);
    }

    /** A replacement order's line goes back to the supplier that shipped it, though another offer is cheaper. */
    @Test
    void aReplacementLineIsReservedAtTheSupplierItNamesWhenItHoldsTheStock() {
        stockTheShelves();
        OrderPlaced plain = OrderFixtures.anOrder().withOrderId("o-r").withLine("MUG-001", 2, "0.00").build();
        OrderLine line = plain.order().lines().get(0);
        OrderLine fromShenzhen = new OrderLine(line.lineNo(), line.sku(), line.title(), line.quantity(),
                line.retailPrice(), line.salePrice(), null, null, "shenzhen-gadgets");
        OrderDetails d = plain.order();
        OrderPlaced replacement = new OrderPlaced(plain.eventId(), plain.occurredAt(), "o-r", new OrderDetails(
                d.source(), d.currency(), d.customer(), d.shipTo(), List.of(fromShenzhen), d.priority(),
                d.paymentStatus(), d.requests()));

        harness.pipe(Topics.ORDERS_PLACED, replacement);

        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockAllocated.class)).singleElement()
                .satisfies(allocated -> assertThat(allocated.lines()).extracting(l -> l.chosen().supplierId())
                        .containsExactly("shenzhen-gadgets"));
        assertThat(product("MUG-001").offer("shenzhen-gadgets").orElseThrow().reserved()).isEqualTo(2);

        OrderPlaced tooMany = new OrderPlaced("e-big", plain.occurredAt(), "o-big", new OrderDetails(d.source(),
                d.currency(), d.customer(), d.shipTo(), List.of(new OrderLine(1, "MUG-001", "Mug", 150,
                BigDecimal.ONE, BigDecimal.ZERO, null, null, "shenzhen-gadgets")), d.priority(), d.paymentStatus(),
                d.requests()));
        harness.pipe(Topics.ORDERS_PLACED, tooMany);
        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockAllocated.class))
                .as("more than the supplier holds: split, the supplier it names first").singleElement()
                .satisfies(allocated -> assertThat(allocated.lines())
                        .extracting(l -> l.quantity() + "@" + l.chosen().supplierId())
                        .containsExactly("98@shenzhen-gadgets", "52@hanoi-crafts"));
    }

    @Test
    void aLineNoSingleSupplierHoldsIsSplitAndEachPartIsConsumedWhenItsOwnSupplierShips() {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-s").withLine("MUG-001", 150, "12.50")
                .withLine("LAMP-010", 1, "39.00").build();

        harness.pipe(Topics.ORDERS_PLACED, order);

        if (throughTopics()) {
            List<LineReserved> answers = harness.readValues(Topics.RESERVATION_RESULTS, LineReserved.class);
            assertThat(answers).extracting(r -> r.lineNo() + ":" + r.quantity() + "@" + r.chosen().supplierId())
                    .containsExactly("1:100@hanoi-crafts", "1:50@shenzhen-gadgets", "2:1@shenzhen-gadgets");
            assertThat(answers).extracting(LineReserved::eventId).doesNotHaveDuplicates();
        }
        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockAllocated.class)).singleElement()
                .satisfies(allocated -> {
                    assertThat(allocated.lines()).extracting(l -> l.lineNo() + ":" + l.sku() + ":" + l.quantity()
                                    + "@" + l.chosen().supplierId())
                            .containsExactly("1:MUG-001:100@hanoi-crafts", "1:MUG-001:50@shenzhen-gadgets",
                                    "2:LAMP-010:1@shenzhen-gadgets");
                    assertThat(allocated.lines().subList(0, 2)).as("no offer holding a part is another's backup")
                            .allSatisfy(l -> assertThat(l.backups()).isEmpty());
                });
        Product mug = product("MUG-001");
        assertThat(mug.reserved("hanoi-crafts")).isEqualTo(100);
        assertThat(mug.reserved("shenzhen-gadgets")).isEqualTo(50);
        assertThat(mug.available()).isEqualTo(50);
        drain();

        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-s", harness.now(), "o-s", "d-2",
                "shenzhen-gadgets", "SF", List.of("SF1")));
        mug = product("MUG-001");
        assertThat(mug.offer("shenzhen-gadgets").orElseThrow().stock()).isEqualTo(50);
        assertThat(mug.reserved("shenzhen-gadgets")).isZero();
        assertThat(mug.reserved("hanoi-crafts")).as("the other part is still held").isEqualTo(100);
        assertThat(product("LAMP-010").offer("shenzhen-gadgets").orElseThrow().stock()).isEqualTo(49);

        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("c-s", harness.now(), "o-s", OrderStatus.CONFIRMED,
                OrderStatus.CANCELLED, "customer", order.order()));
        mug = product("MUG-001");
        assertThat(mug.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(100);
        assertThat(mug.reserved("hanoi-crafts")).isZero();
        assertThat(mug.available()).isEqualTo(150);
    }

    @Test
    void aSplitLineIsGivenBackWholeWhenAnotherLineIsShort() {
        stockTheShelves();
        Product mugBefore = product("MUG-001");

        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-s2").withLine("MUG-001", 150, "12.50")
                .withLine("SCARF-007", 5, "29.00").build());

        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.shortLines()).containsExactly(new ShortLine(2, "SCARF-007", 5, 3)));
        if (throughTopics()) {
            List<ReleaseRequested> releases = harness.readValues(Topics.RESERVATION_REQUESTS, ReleaseRequested.class);
            assertThat(releases).extracting(r -> r.quantity() + "@" + r.supplierId())
                    .containsExactly("100@hanoi-crafts", "50@shenzhen-gadgets");
            assertThat(releases).extracting(ReleaseRequested::eventId).doesNotHaveDuplicates();
        }
        assertThat(product("MUG-001")).isEqualTo(mugBefore);
    }

    @Test
    void aLineAllOffersTogetherCannotCoverIsShortWithWhatTheyHoldAndNothingIsHeld() {
        stockTheShelves();
        Product mugBefore = product("MUG-001");

        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-s3").withLine("MUG-001", 201, "12.50")
                .build());

        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.shortLines()).containsExactly(new ShortLine(1, "MUG-001", 201, 200)));
        assertThat(product("MUG-001")).isEqualTo(mugBefore);
    }

    @Test
    void aShortLineRejectsTheOrderReleasesTheOtherLineAndTheStockIsWholeAgain() {
        stockTheShelves();
        Product mugBefore = product("MUG-001");

        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-2").withLine("MUG-001", 2, "12.50")
                .withLine("SCARF-007", 5, "29.00").build());

        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.shortLines()).containsExactly(new ShortLine(2, "SCARF-007", 5, 3)));
        if (throughTopics()) {
            assertThat(harness.readValues(Topics.RESERVATION_REQUESTS, ReleaseRequested.class)).singleElement()
                    .satisfies(r -> assertThat(r.sku()).isEqualTo("MUG-001"));
        }
        assertThat(product("MUG-001")).isEqualTo(mugBefore);
        assertThat(product("MUG-001").available()).isEqualTo(200);
    }

    @Test
    void anUnknownProductIsAShortLineThatIsNotListed() {
        stockTheShelves();

        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-3").withLine("NOPE-404", 1, "1.00").build());

        if (throughTopics()) {
            assertThat(harness.readValues(Topics.RESERVATION_RESULTS, LineUnavailable.class)).singleElement()
                    .satisfies(u -> {
                        assertThat(u.available()).isZero();
                        assertThat(u.listed()).isFalse();
                    });
        }
        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.shortLines()).containsExactly(new ShortLine(1, "NOPE-404", 1, 0)));
    }

    @Test
    void aDuplicateOrderPlacedDoesNothing() {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-4").withLine("MUG-001", 2, "12.50").build();
        harness.pipe(Topics.ORDERS_PLACED, order);
        drain();

        harness.pipe(Topics.ORDERS_PLACED, order);

        assertThat(drain()).isEmpty();
        assertThat(product("MUG-001").available()).isEqualTo(198);
    }

    @Test
    void sellingTheLastUnitsAlertsOutOfStockAndDelistsTheProduct() {
        feed(offer("SCARF-007", "hanoi-crafts", "9.00", "1.20", 3, 1));
        assertThat(harness.readValues(Topics.STOCK_ALERTS, LowStock.class)).singleElement()
                .satisfies(low -> assertThat(low.available()).isEqualTo(3));

        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-5").withLine("SCARF-007", 3, "29.00").build());

        assertThat(harness.readValues(Topics.STOCK_ALERTS, OutOfStock.class)).singleElement()
                .satisfies(out -> assertThat(out.sku()).isEqualTo("SCARF-007"));
        List<ProductUpdated> updates = harness.readValues(Topics.CATALOG_PRODUCTS, ProductUpdated.class);
        assertThat(updates).last().satisfies(p -> {
            assertThat(p.listed()).isFalse();
            assertThat(p.available()).isZero();
        });
    }

    @Test
    void aProductsOwnThresholdDecidesItsLowStockAlert() {
        feed(offer("CANDLE-025", "lyon-linen", "5.00", "1.00", 60, 1));
        assertThat(harness.readValues(Topics.STOCK_ALERTS, LowStock.class)).as("60 is healthy at the default 10").isEmpty();

        feed(new OfferFeedRow("t", OrderFixtures.T0, "CANDLE-025", "lyon-linen", null, null, null, null, null, null,
                null, null, null, null, null, null, 75));

        assertThat(harness.readValues(Topics.STOCK_ALERTS, LowStock.class)).singleElement().satisfies(low -> {
            assertThat(low.available()).isEqualTo(60);
            assertThat(low.threshold()).isEqualTo(75);
        });
    }

    @Test
    void aReroutedLineMovesItsReservationToTheBackupThatShipsIt() {
        stockTheShelves();
        harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("o-9").withLine("MUG-001", 2, "12.50")
                .build());
        StockAllocated allocated = harness.readValues(Topics.ORDER_ALLOCATIONS, StockAllocated.class).get(0);
        assertThat(allocated.lines().get(0).chosen().supplierId()).isEqualTo("hanoi-crafts");
        OfferRef backup = allocated.lines().get(0).backups().get(0);
        drain();

        DispatchRerouted rerouted = new DispatchRerouted("rr-1", harness.now(), "o-9", "d-1", "hanoi-crafts", "d-2",
                backup.supplierId(), List.of(new LineAllocation(1, "MUG-001", 2, backup, List.of())), "out of stock");
        harness.pipe(Topics.FULFILMENT_EVENTS, rerouted);
        harness.pipe(Topics.FULFILMENT_EVENTS, rerouted);

        Product mug = product("MUG-001");
        assertThat(mug.reserved("hanoi-crafts")).isZero();
        assertThat(mug.reserved("shenzhen-gadgets")).as("moved once, though told twice").isEqualTo(2);
        assertThat(harness.readValues(Topics.ORDER_ALLOCATIONS, StockAllocated.class)).as("no second allocation").isEmpty();

        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-9", harness.now(), "o-9", "d-2",
                "shenzhen-gadgets", "SF", List.of("SF9")));
        mug = product("MUG-001");
        assertThat(mug.offer("shenzhen-gadgets").orElseThrow().stock()).isEqualTo(98);
        assertThat(mug.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(100);
        assertThat(mug.reserved("shenzhen-gadgets")).isZero();
        assertThat(mug.reserved("hanoi-crafts")).isZero();
    }

    @Test
    void shipmentConsumesStockAndALaterCancellationReleasesOnlyWhatIsStillHeld() {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-6").withLine("MUG-001", 2, "12.50")
                .withLine("LAMP-010", 1, "39.00").build();
        harness.pipe(Topics.ORDERS_PLACED, order);
        drain();

        ParcelsShipped shipped = new ParcelsShipped("ship-1", harness.now(), "o-6", "d-1", "hanoi-crafts", "VNPOST",
                List.of("VN1"));
        harness.pipe(Topics.FULFILMENT_EVENTS, shipped);
        harness.pipe(Topics.FULFILMENT_EVENTS, shipped);
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("c-1", harness.now(), "o-6", OrderStatus.CONFIRMED,
                OrderStatus.CANCELLED, "customer", order.order()));

        Product mug = product("MUG-001");
        assertThat(mug.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(98);
        assertThat(mug.reserved("hanoi-crafts")).isZero();
        assertThat(product("LAMP-010").available()).isEqualTo(50);
        if (throughTopics()) {
            assertThat(harness.readValues(Topics.RESERVATION_REQUESTS, ReleaseRequested.class))
                    .extracting(ReleaseRequested::sku).containsExactly("LAMP-010");
        }
    }

    @Test
    void aStockOnlyFeedKeepsTheRestOfTheProduct() {
        stockTheShelves();

        feed(FeedRows.stockOnly("MUG-001", "hanoi-crafts", 7));
        assertThat(harness.read(Topics.CATALOG_PRODUCTS)).as("stock alone waits for the next round").isEmpty();
        harness.advance(STOCK_PUBLISHED_EVERY);

        ProductUpdated updated = harness.readValues(Topics.CATALOG_PRODUCTS, ProductUpdated.class).get(0);
        assertThat(updated.title()).isEqualTo("Product MUG-001");
        assertThat(updated.offers()).extracting(o -> o.supplierId() + ":" + o.stock() + ":" + o.cost())
                .containsExactly("hanoi-crafts:7:4.20", "shenzhen-gadgets:100:4.60");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"REFUNDED", "RESHIPPED"})
    void anOrderSettledAfterAnExceptionGivesBackWhatItStillHeld(OrderStatus ending) {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-10").withLine("MUG-001", 2, "12.50")
                .withLine("LAMP-010", 1, "39.00").build();
        harness.pipe(Topics.ORDERS_PLACED, order);
        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-10", harness.now(), "o-10", "d-1",
                "hanoi-crafts", "VNPOST", List.of("VN10")));
        assertThat(product("LAMP-010").available()).isEqualTo(49);

        // shenzhen-gadgets refused the lamp and no backup took it: the order went to EXCEPTION, then ops settled it
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("x-1", harness.now(), "o-10", OrderStatus.SHIPPED,
                OrderStatus.EXCEPTION, "rejected by shenzhen-gadgets", null));
        assertThat(product("LAMP-010").available()).as("an exception may still be rerouted").isEqualTo(49);
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("x-2", harness.now(), "o-10", OrderStatus.EXCEPTION,
                ending, "settled by ops", null));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("x-2", harness.now(), "o-10", OrderStatus.EXCEPTION,
                ending, "settled by ops", null));

        assertThat(product("LAMP-010").available()).as("released once").isEqualTo(50);
        assertThat(product("LAMP-010").reserved("shenzhen-gadgets")).isZero();
        assertThat(product("MUG-001").offer("hanoi-crafts").orElseThrow().stock()).as("what shipped stays shipped")
                .isEqualTo(98);
        assertThat(product("MUG-001").reserved("hanoi-crafts")).isZero();
    }

    @Test
    void aCompletedOrderHeldNothingAfterItsParcelsShipped() {
        stockTheShelves();
        OrderPlaced order = OrderFixtures.anOrder().withOrderId("o-11").withLine("MUG-001", 2, "12.50").build();
        harness.pipe(Topics.ORDERS_PLACED, order);
        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("ship-11", harness.now(), "o-11", "d-1",
                "hanoi-crafts", "VNPOST", List.of("VN11")));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("c-11", harness.now(), "o-11",
                OrderStatus.DELIVERED, OrderStatus.COMPLETED, "receipt confirmed", null));

        Product mug = product("MUG-001");
        assertThat(mug.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(98);
        assertThat(mug.reserved("hanoi-crafts")).isZero();
        assertThat(mug.available()).isEqualTo(198);
    }

    @Test
    void aProductSellingSeveralTimesBetweenTwoRoundsIsPublishedOnceWithItsLatestStock() {
        stockTheShelves();
        for (int i = 0; i < 5; i++) {
            harness.pipe(Topics.ORDERS_PLACED, OrderFixtures.anOrder().withOrderId("burst-" + i)
                    .withLine("MUG-001", 1, "12.50").build());
        }
        assertThat(harness.read(Topics.CATALOG_PRODUCTS)).as("nothing the storefront sees changed").isEmpty();

        harness.advance(STOCK_PUBLISHED_EVERY);

        assertThat(harness.readValues(Topics.CATALOG_PRODUCTS, ProductUpdated.class)).singleElement()
                .satisfies(p -> assertThat(p.available()).isEqualTo(195));
        harness.advance(STOCK_PUBLISHED_EVERY);
        assertThat(harness.read(Topics.CATALOG_PRODUCTS)).as("nothing changed since").isEmpty();
    }
}
