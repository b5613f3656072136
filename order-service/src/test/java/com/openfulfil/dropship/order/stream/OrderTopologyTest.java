package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.model.OrderRemedy;
import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.order.domain.RefundStatus;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.order.ReturnShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.partner.CommissionReversed;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.ReshipRequested;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTopologyTest {
    private static final Instant T = OrderFixtures.T0;

    private final TopologyHarness harness = TopologyHarness.of(builder -> OrderTopology.build(builder.stream(
                    List.of(Topics.ORDERS_PLACED, Topics.ORDER_ALLOCATIONS, Topics.FULFILMENT_EVENTS,
                            Topics.TRACKING_EVENTS, Topics.ORDER_COMMANDS, Topics.COMMISSIONS_LEDGER)
                            .stream().map(TopicSpec::name).toList()))
            .to(Topics.ORDERS_LIFECYCLE.name()));

    @AfterEach
    void close() {
        harness.close();
    }

    private final OrderPlaced placed = OrderFixtures.anOrder().withOrderId("o-7").withPartner("partner-lan", "Lan")
            .withLine("MUG-001", 2, "12.50", "15.00").build();

    private StockAllocated allocated() {
        return new StockAllocated("alloc-o-7", T, "o-7", placed.order(), List.of(new LineAllocation(1, "MUG-001", 2,
                new OfferRef("hanoi-crafts", "HN-1", new BigDecimal("4.20"), new BigDecimal("1.80"), "USD", 2, 1), List.of())));
    }

    @Test
    void publishesEachTransitionWithWhoPlacedTheOrderAndTheOrderItselfOnlyOnItsFirst() {
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated());
        List<OrderStatusChanged> changes = harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class);
        assertThat(changes).extracting(OrderStatusChanged::to).containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.orderId()).isEqualTo("o-7");
            assertThat(c.source()).isEqualTo(placed.order().source());
        });
        assertThat(changes.get(0).order()).isEqualTo(placed.order());
        assertThat(changes.get(1).order()).as("on the way to delivery a transition is ids and status").isNull();
        assertThat(changes.get(1).from()).isEqualTo(OrderStatus.PLACED);
        OrderRecord stored = harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7");
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aDispatchReroutedToABackupKeepsTheOrderGoingAtTheBackup() {
        OfferRef backup = new OfferRef("lyon-linen", "LY-1", new BigDecimal("4.90"), new BigDecimal("2.10"), "USD", 3, 2);
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new DispatchSent("s-1", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new DispatchRerouted("rr-1", T, "o-7", "d-1", "hanoi-crafts", "d-2",
                        "lyon-linen", List.of(new LineAllocation(1, "MUG-001", 2, backup, List.of())), "out of stock"))
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new DispatchSent("s-2", T, "o-7", "d-2", "lyon-linen", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new ParcelsShipped("sh-2", T, "o-7", "d-2", "lyon-linen", "DHL",
                        List.of("DHL1")));

        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).extracting(OrderStatusChanged::to)
                .containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.DISPATCHED, OrderStatus.SHIPPED);
        OrderRecord stored = harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7");
        assertThat(stored.expectedSuppliers()).containsExactly("lyon-linen");
    }

    @Test
    void eachTransitionIsCountedAndTimedFromPlacement() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            harness.pipe(Topics.ORDERS_PLACED, placed).advance(Duration.ofMinutes(45))
                    .pipe(Topics.ORDER_ALLOCATIONS, allocated()).pipe(Topics.ORDERS_PLACED, placed);
            assertThat(registry.get("dropship.orders.transitions").tag("to", "PLACED").counter().count()).isEqualTo(1);
            assertThat(registry.get("dropship.orders.transitions").tag("to", "CONFIRMED").counter().count()).isEqualTo(1);
            Timer confirmed = registry.get("dropship.order.time.since.placed").tag("status", "CONFIRMED").timer();
            assertThat(confirmed.count()).isEqualTo(1);
            assertThat(confirmed.totalTime(TimeUnit.MINUTES)).as("placed 09:15, confirmed 09:45").isEqualTo(30);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    /**
     * A reship writes the replacement order on orders.placed in the same step that moves the original; the
     * replacement then comes back in like any placed order. The partner's order is replaced by one that is
     * no partner's.
     */
    @Test
    void aReshipPlacesTheReplacementOrderOnOrdersPlacedAndItIsTakenInLikeAnyOrder() {
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new DispatchSent("s-1", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, "o-7", new SupplierRejected("rj-1", T, "o-7", "d-1", "hanoi-crafts",
                        RejectionReason.ADDRESS, "no such street"))
                .pipe(Topics.ORDER_COMMANDS, "o-7", new ReshipRequested("rs-1", T, "o-7", "admin:ops", "new address",
                        "o-7-r1", List.of(new LineQuantity(1, 1))));
        List<OrderPlaced> written = harness.readValues(Topics.ORDERS_PLACED, OrderPlaced.class);
        assertThat(written).singleElement().satisfies(replacement -> {
            assertThat(replacement.orderId()).isEqualTo("o-7-r1");
            assertThat(replacement.order().source().replaces()).isEqualTo("o-7");
            assertThat(replacement.order().source().partnerId()).isNull();
            assertThat(replacement.order().lines()).extracting(l -> l.sku() + "x" + l.quantity())
                    .containsExactly("MUG-001x1");
        });
        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class))
                .extracting(c -> c.orderId() + ":" + c.to())
                .endsWith("o-7:EXCEPTION", "o-7:RESHIPPED", "o-7-r1:PLACED");
        assertThat(harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7-r1").status()).isEqualTo(OrderStatus.PLACED);
        assertThat(harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7").replacements())
                .extracting(r -> r.orderId()).containsExactly("o-7-r1");
    }

    /** A claim closed with a refund has the refund connector pay it, approved on orders.commands in the step that records it. */
    @Test
    void aLostParcelsClaimClosedWithARefundWritesTheRefundsApprovalOnOrdersCommands() {
        OrderPlaced paid = OrderFixtures.anOrder().withOrderId("o-9").withPaymentReference("pi_claim")
                .withLine("MUG-001", 2, "12.50").build();
        harness.pipe(Topics.ORDERS_PLACED, paid)
                .pipe(Topics.ORDER_ALLOCATIONS, new StockAllocated("alloc-o-9", T, "o-9", paid.order(), List.of(
                        new LineAllocation(1, "MUG-001", 2, new OfferRef("hanoi-crafts", "HN-1", new BigDecimal("4.20"),
                                new BigDecimal("1.80"), "USD", 2, 1), List.of()))))
                .pipe(Topics.FULFILMENT_EVENTS, "o-9", new DispatchSent("s-9", T, "o-9", "d-9", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, "o-9", new ParcelsShipped("sh-9", T, "o-9", "d-9", "hanoi-crafts", "VNPOST",
                        List.of("VN9")))
                .pipe(Topics.TRACKING_EVENTS, "o-9", new LostParcelClaimOpened("lo-9", T, "o-9", "d-9", "VN9", "VNPOST",
                        "claim-VN9", "silence"))
                .pipe(Topics.TRACKING_EVENTS, "o-9", new LostParcelClaimClosed("lc-9", T, "o-9", "d-9", "VN9", "VNPOST",
                        "claim-VN9", ClaimOutcome.REFUSED, null, null, null, "admin:ops", OrderRemedy.REFUND));

        assertThat(harness.readValues(Topics.ORDER_COMMANDS, Event.class)).singleElement()
                .isInstanceOfSatisfying(RefundApproved.class, r -> {
                    assertThat(r.orderId()).isEqualTo("o-9");
                    assertThat(r.amount()).isEqualByComparingTo("25.00");
                    assertThat(r.paymentReference()).isEqualTo("pi_claim");
                });
        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, Event.class)).as("a command is not a transition")
                .noneMatch(RefundApproved.class::isInstance);
    }

    /**
     * Two refund requests that together ask more than was paid (30.00) reach the order: the one that fits is
     * approved on orders.commands, for the refund connector to pay; the other is refused on the order and
     * nothing is written for it, so it is never paid.
     */
    @Test
    void onlyTheRefundTheOrderAcceptedIsApprovedOnOrdersCommands() {
        refusedBySupplier()
                .pipe(Topics.ORDER_COMMANDS, new RefundRequested("q1", T, "o-7", "rf_1", new BigDecimal("20.00"), "USD",
                        "pi_1", "requested_by_customer", "admin:ops", "broken"))
                .pipe(Topics.ORDER_COMMANDS, new RefundRequested("q2", T, "o-7", "rf_2", new BigDecimal("20.00"), "USD",
                        "pi_1", "requested_by_customer", "admin:ops", "broken"));

        assertThat(harness.readValues(Topics.ORDER_COMMANDS, Event.class)).singleElement()
                .isInstanceOfSatisfying(RefundApproved.class, a -> {
                    assertThat(a.eventId()).isEqualTo(EventIds.derived("q1", "refund-approved"));
                    assertThat(a.refundId()).isEqualTo("rf_1");
                    assertThat(a.amount()).isEqualByComparingTo("20.00");
                    assertThat(a.paymentReference()).isEqualTo("pi_1");
                    assertThat(a.by()).isEqualTo("admin:ops");
                });
        OrderRecord stored = harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7");
        assertThat(stored.afterSales().refund("rf_2")).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.REFUSED);
            assertThat(r.failure()).startsWith("only 10.00 USD is left to refund");
        });

        harness.pipe(Topics.ORDER_COMMANDS, new RefundRequested("q1", T, "o-7", "rf_1", new BigDecimal("20.00"), "USD",
                "pi_1", "requested_by_customer", "admin:ops", "broken"));
        assertThat(harness.readValues(Topics.ORDER_COMMANDS, Event.class)).as("a request seen again is not approved again")
                .isEmpty();
    }

    /** The order placed, allocated and sent to hanoi-crafts, which refused it: EXCEPTION, where refunds are taken. */
    private TopologyHarness refusedBySupplier() {
        return harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("s", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, new SupplierRejected("rj", T, "o-7", "d-1", "hanoi-crafts",
                        RejectionReason.ADDRESS, "no such street"));
    }

    /** Ops ask for refund {@code rf_<n>} of {@code amount} through the payment provider. */
    private static RefundRequested requested(int n, String amount) {
        return new RefundRequested("q" + n, T, "o-7", "rf_" + n, new BigDecimal(amount), "USD", "pi_1", null, "admin",
                null);
    }

    /** The payment provider's answer to refund {@code rf_<n>}: {@code status} ("succeeded", "pending"). */
    private static RefundIssued issued(int n, String amount, String status) {
        return new RefundIssued("i" + n, T, "o-7", new BigDecimal(amount), "USD", "admin", null, "rf_" + n, "re_" + n,
                status);
    }

    @Test
    void aRetriedPlacementCreatesOneOrder() {
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDERS_PLACED, placed);
        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).hasSize(1);
    }

    @Test
    void transitionIdsAreStableSoAReplayProducesTheSameEvents() {
        harness.pipe(Topics.ORDERS_PLACED, placed);
        String first = harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class).get(0).eventId();
        try (TopologyHarness again = TopologyHarness.of(builder -> OrderTopology.build(
                builder.stream(Topics.ORDERS_PLACED.name())).to(Topics.ORDERS_LIFECYCLE.name()))) {
            again.pipe(Topics.ORDERS_PLACED, placed);
            assertThat(again.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class).get(0).eventId()).isEqualTo(first);
        }
    }

    @Test
    void aCommissionOnThePartnersLedgerReachesTheOrder() {
        harness.pipe(Topics.ORDERS_PLACED, placed);
        CommissionEarned earned = new CommissionEarned("ce-1", T, "o-7", "partner-lan", "Lan", "USD",
                new BigDecimal("5.00"), List.of(), new BigDecimal("5.00"));
        harness.pipe(Topics.COMMISSIONS_LEDGER, "partner-lan", earned);
        OrderRecord stored = harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7");
        assertThat(stored.commission()).isNotNull();
        assertThat(stored.commission().total()).isEqualByComparingTo("5.00");
    }

    @Test
    void aDeliveredOrderIsCompletedAutomaticallyOnceItsWaitIsOver() {
        try (TopologyHarness timed = TopologyHarness.of(builder -> OrderTopology.build(builder.stream(
                        List.of(Topics.ORDERS_PLACED.name(), Topics.ORDER_ALLOCATIONS.name(), Topics.FULFILMENT_EVENTS.name(),
                                Topics.TRACKING_EVENTS.name())),
                new OrderProcessor.OrderSettings(Duration.ofDays(7), Duration.ofMinutes(1))).to(Topics.ORDERS_LIFECYCLE.name()))) {
            timed.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                    .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("s", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                    .pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("p", T, "o-7", "d-1", "hanoi-crafts", "VNPOST", List.of("VN1")))
                    .pipe(Topics.TRACKING_EVENTS, new ParcelStatusChanged("t", T, "o-7", "d-1", "VN1", "VNPOST",
                            ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hà Nội", "Delivered", "DELIVERED")));
            assertThat(timed.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class))
                    .extracting(OrderStatusChanged::to).endsWith(OrderStatus.DELIVERED);

            timed.advance(Duration.ofDays(6));
            assertThat(timed.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).as("not yet").isEmpty();

            timed.advance(Duration.ofDays(1).plusMinutes(2));
            assertThat(timed.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).singleElement()
                    .satisfies(done -> {
                        assertThat(done.to()).isEqualTo(OrderStatus.COMPLETED);
                        assertThat(done.reason()).isEqualTo("completed automatically 7 days after delivery");
                        assertThat(done.order()).as("completion settles the partner's commission: it carries the order")
                                .isEqualTo(placed.order());
                    });
            timed.advance(Duration.ofDays(30));
            assertThat(timed.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).as("once").isEmpty();
            assertThat(timed.<String>store(OrderProcessor.DUE).approximateNumEntries()).isZero();
        }
    }

    /** The answer to an address change goes out on orders.lifecycle, where the stores' gateway and supplier-gateway read it. */
    @Test
    void anAddressChangeIsAnsweredOnTheLifecycleAppliedBeforeTheStockIsReservedAndRefusedAfter() {
        Address moved = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
        Address other = new Address("1 Third Street", null, "York", null, "YO1 7HH", "GB");
        harness.pipe(Topics.ORDERS_PLACED, placed)
                .pipe(Topics.ORDER_COMMANDS, new AddressChangeRequested("ac-1", T, "o-7", "admin:ops", moved))
                .pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.ORDER_COMMANDS, new AddressChangeRequested("ac-2", T, "o-7", "shopify:demo-shop", other));

        List<Event> lifecycle = harness.readValues(Topics.ORDERS_LIFECYCLE, Event.class);
        assertThat(lifecycle).filteredOn(ShippingAddressChanged.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ShippingAddressChanged.class, changed -> {
                    assertThat(changed.orderId()).isEqualTo("o-7");
                    assertThat(changed.previous()).isEqualTo(placed.order().shipTo());
                    assertThat(changed.shipTo()).isEqualTo(moved);
                });
        assertThat(lifecycle).filteredOn(AddressChangeRefused.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AddressChangeRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(refused.shipTo()).isEqualTo(other);
                    assertThat(refused.requestedBy()).isEqualTo("shopify:demo-shop");
                });
        assertThat(harness.readValues(Topics.ORDER_COMMANDS, Event.class)).as("an answer is not a command").isEmpty();
    }

    @Test
    void aCommandTheStateDoesNotAllowIsIgnored() {
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_COMMANDS,
                new CompletionRequested("c", T, "o-7", "admin"));
        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class))
                .extracting(OrderStatusChanged::to).containsExactly(OrderStatus.PLACED);
    }

    @Test
    void aRefundAfterCompletionSaysHowMuchWasRefundedAndLaterLedgerEntriesAreHarmless() {
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("s", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("p", T, "o-7", "d-1", "hanoi-crafts", "VNPOST", List.of("VN1")))
                .pipe(Topics.TRACKING_EVENTS, new ParcelStatusChanged("t", T, "o-7", "d-1", "VN1", "VNPOST",
                        ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hà Nội", "Delivered", "DELIVERED")))
                .pipe(Topics.ORDER_COMMANDS, new CompletionRequested("c", T, "o-7", "admin"))
                .pipe(Topics.ORDER_COMMANDS, new ReturnRequested("r", T, "o-7", ReturnReason.DAMAGED, "broken", List.of(), "admin"))
                .pipe(Topics.ORDER_COMMANDS, new ReturnReceived("rr", T, "o-7", "admin"))
                .pipe(Topics.ORDER_COMMANDS, new RefundIssued("ri", T, "o-7", new BigDecimal("15.00"), "USD", "admin", null));
        harness.pipe(Topics.COMMISSIONS_LEDGER, "partner-lan", new CommissionReversed("cr-1", T, "o-7", "partner-lan",
                "USD", new BigDecimal("15.00"), new BigDecimal("2.50"), new BigDecimal("2.50")));

        List<OrderStatusChanged> changes = harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class);
        assertThat(changes).extracting(OrderStatusChanged::to).endsWith(OrderStatus.COMPLETED,
                OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED, OrderStatus.REFUNDED);
        assertThat(changes.get(changes.size() - 1).refundAmount()).isEqualByComparingTo("15.00");
        assertThat(changes.subList(0, changes.size() - 1)).allSatisfy(c -> assertThat(c.refundAmount()).isNull());
        assertThat(changes).as("only the return request says why, for the supplier's error rate")
                .filteredOn(c -> c.returnReason() != null).singleElement()
                .satisfies(c -> {
                    assertThat(c.to()).isEqualTo(OrderStatus.RETURN_REQUESTED);
                    assertThat(c.returnReason()).isEqualTo(ReturnReason.DAMAGED);
                });
        assertThat(harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7").status()).isEqualTo(OrderStatus.REFUNDED);
    }

    /**
     * The customer's return parcel goes to tracking-service keyed by its tracking number, under its RMA number,
     * and the carrier's delivery to the supplier returns the order.
     */
    @Test
    void aReturnParcelIsFollowedLikeAnyParcelAndItsDeliveryReturnsTheOrder() {
        String rmaId = ReturnAuthorised.rmaId("o-7", "hanoi-crafts");
        harness.pipe(Topics.ORDERS_PLACED, placed).pipe(Topics.ORDER_ALLOCATIONS, allocated())
                .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("s", T, "o-7", "d-1", "hanoi-crafts", List.of()))
                .pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("p", T, "o-7", "d-1", "hanoi-crafts", "VNPOST", List.of("VN1")))
                .pipe(Topics.TRACKING_EVENTS, new ParcelStatusChanged("t", T, "o-7", "d-1", "VN1", "VNPOST",
                        ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hà Nội", "Delivered", "DELIVERED")))
                .pipe(Topics.ORDER_COMMANDS, new ReturnRequested("r", T, "o-7", ReturnReason.DAMAGED, "broken", List.of(), "admin"))
                .pipe(Topics.FULFILMENT_EVENTS, new ReturnAuthorised("ra", T, "o-7", "d-1", "hanoi-crafts", rmaId,
                        ReturnReason.DAMAGED, List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug")), "Hanoi Crafts",
                        null, ReturnPayer.SUPPLIER, null, null))
                .pipe(Topics.ORDER_COMMANDS, new ReturnShipped("rs", T, "o-7", rmaId, "VNPOST", "VNR1", "storefront:s"));

        assertThat(harness.read(Topics.TRACKING_REGISTRATIONS)).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("VNR1");
            assertThat(kv.value).isInstanceOfSatisfying(ParcelRegistered.class, r -> {
                assertThat(r.orderId()).isEqualTo("o-7");
                assertThat(r.dispatchId()).isEqualTo(rmaId);
                assertThat(r.supplierId()).isEqualTo("hanoi-crafts");
                assertThat(r.carrier()).isEqualTo("VNPOST");
                assertThat(r.items()).extracting(ParcelItem::sku).containsExactly("MUG-001");
            });
        });

        harness.pipe(Topics.TRACKING_EVENTS, new ParcelStatusChanged("rt", T, "o-7", rmaId, "VNR1", "VNPOST",
                ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hà Nội", "Delivered", "DELIVERED")));

        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class)).extracting(OrderStatusChanged::to)
                .endsWith(OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED);
        OrderRecord order = harness.<OrderRecord>store(OrderProcessor.STORE).get("o-7");
        assertThat(order.afterSales().returnAuthorisations()).singleElement().satisfies(a -> {
            assertThat(a.trackingNumber()).isEqualTo("VNR1");
            assertThat(a.receivedAt()).isNotNull();
        });
        assertThat(order.fulfilments().get("d-1").parcels()).as("the outbound parcels are untouched")
                .containsOnlyKeys("VN1");
    }

    @Test
    void eachPartialRefundMovesTheOrderAndSaysHowMuchItWas() {
        refusedBySupplier()
                .pipe(Topics.ORDER_COMMANDS, requested(1, "10.00"))
                .pipe(Topics.ORDER_COMMANDS, issued(1, "10.00", "succeeded"))
                .pipe(Topics.ORDER_COMMANDS, issued(1, "10.00", "succeeded"))
                .pipe(Topics.ORDER_COMMANDS, requested(2, "20.00"))
                .pipe(Topics.ORDER_COMMANDS, issued(2, "20.00", "succeeded"));

        List<OrderStatusChanged> refunds = harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class).stream()
                .filter(c -> c.to() == OrderStatus.REFUNDED).toList();
        assertThat(refunds).as("one move per refund, its repeat changes nothing").extracting(OrderStatusChanged::from)
                .containsExactly(OrderStatus.EXCEPTION, OrderStatus.REFUNDED);
        assertThat(refunds).extracting(OrderStatusChanged::refundAmount).map(BigDecimal::toPlainString)
                .containsExactly("10.00", "20.00");
        assertThat(refunds).extracting(OrderStatusChanged::eventId).doesNotHaveDuplicates();
        assertThat(refunds).extracting(OrderStatusChanged::refundId).as("and which refund it was")
                .containsExactly("rf_1", "rf_2");
    }

    /**
     * A refund answered pending moves the order at once (commission-service claws back for it); when it fails, the
     * order says which refund it was on the lifecycle, once, so the clawback is given back. One that succeeds
     * after pending writes nothing more there.
     */
    @Test
    void aPendingRefundThatFailsIsToldOnTheLifecycleOnceAndOneThatSucceedsIsNot() {
        refusedBySupplier()
                .pipe(Topics.ORDER_COMMANDS, requested(1, "10.00"))
                .pipe(Topics.ORDER_COMMANDS, issued(1, "10.00", "pending"))
                .pipe(Topics.ORDER_COMMANDS, requested(2, "5.00"))
                .pipe(Topics.ORDER_COMMANDS, issued(2, "5.00", "pending"));
        assertThat(harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class).stream()
                .filter(c -> c.to() == OrderStatus.REFUNDED)).extracting(OrderStatusChanged::refundId)
                .containsExactly("rf_1", "rf_2");

        RefundFailed failed = new RefundFailed("f1", T, "o-7", "rf_1", new BigDecimal("10.00"), "USD", "re_1",
                "insufficient_funds");
        harness.pipe(Topics.ORDER_COMMANDS, failed).pipe(Topics.ORDER_COMMANDS, failed)
                .pipe(Topics.ORDER_COMMANDS, new RefundIssued("s2", T, "o-7", new BigDecimal("5.00"), "USD", "admin",
                        null, "rf_2", "re_2", "succeeded"));

        assertThat(harness.read(Topics.ORDERS_LIFECYCLE)).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("o-7");
            assertThat(kv.value).isInstanceOfSatisfying(PendingRefundFailed.class, f -> {
                assertThat(f.refundId()).isEqualTo("rf_1");
                assertThat(f.amount()).isEqualByComparingTo("10.00");
                assertThat(f.reason()).isEqualTo("insufficient_funds");
                assertThat(f.source().partnerId()).isEqualTo("partner-lan");
            });
        });
    }
}
