package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.ShortLine;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.gateway.domain.DispatchStatus;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final String SHENZHEN = "shenzhen-gadgets";
    private static final PackingInstructions PACKING = new PackingInstructions(true, "Acme Home", "Thank you");
    private static final Instant AT = Instant.parse("2026-11-02T11:00:00Z");

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name())),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, SHENZHEN, "lyon-linen"), PACKING)));
    private final String hanoiDispatch = DispatchPlan.dispatchId("o-1", HANOI);

    @AfterEach
    void close() {
        harness.close();
    }

    private static OrderStatusChanged cancelling(String orderId) {
        return new OrderStatusChanged("cancelling-" + orderId, AT, orderId, OrderStatus.ACCEPTED, OrderStatus.CANCELLING,
                "cancelled by storefront:demo-shop", null);
    }

    @Test
    void cancellingAfterDispatchAsksEachSupplierAndReportsItsAnswer() {
        String shenzhenDispatch = DispatchPlan.dispatchId("o-1", SHENZHEN);
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.twoSuppliers("o-1"));
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.read(Topics.supplierDispatch(HANOI));
        harness.read(Topics.supplierDispatch(SHENZHEN));

        harness.pipe(Topics.ORDERS_LIFECYCLE, cancelling("o-1"));
        harness.pipe(Topics.ORDERS_LIFECYCLE, cancelling("o-1"));

        assertThat(harness.readValues(Topics.supplierDispatch(HANOI), CancellationRequested.class)).as("asked once")
                .singleElement().satisfies(c -> assertThat(c.dispatchId()).isEqualTo(hanoiDispatch));
        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), CancellationRequested.class)).hasSize(1);

        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-1",
                new CancellationAccepted("ca", AT, "o-1", hanoiDispatch, HANOI));
        harness.pipe(Topics.supplierUpdates(SHENZHEN).name(), "o-1",
                new CancellationRejected("cr", AT, "o-1", shenzhenDispatch, SHENZHEN, "already packed and collected"));
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-1",
                new CancellationAccepted("ca", AT, "o-1", hanoiDispatch, HANOI));

        List<Event> answers = harness.read(Topics.FULFILMENT_EVENTS).stream().map(kv -> kv.value).toList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).isInstanceOfSatisfying(DispatchCancelled.class,
                c -> assertThat(c.dispatchId()).isEqualTo(hanoiDispatch));
        assertThat(answers.get(1)).isInstanceOfSatisfying(CancellationRefused.class,
                r -> assertThat(r.reason()).isEqualTo("already packed and collected"));
    }

    @Test
    void aDispatchAlreadyShippedRefusesTheCancellationAtOnce() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-2").line("MUG-001", 1, HANOI, "HN-MUG-001", "4.20").build());
        String dispatch = DispatchPlan.dispatchId("o-2", HANOI);
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-2",
                new DispatchShipped("sh", AT, "o-2", dispatch, HANOI, "VNPOST", List.of("VN1")));
        harness.read(Topics.FULFILMENT_EVENTS);

        harness.pipe(Topics.ORDERS_LIFECYCLE, cancelling("o-2"));

        assertThat(harness.readValues(Topics.supplierDispatch(HANOI), CancellationRequested.class)).isEmpty();
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, CancellationRefused.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("already shipped"));
    }

    @Test
    void aCancellationAnswerNobodyAskedForChangesNothing() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-3").line("MUG-001", 1, HANOI, "HN-MUG-001", "4.20").build());
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-3",
                new CancellationAccepted("stray", AT, "o-3", DispatchPlan.dispatchId("o-3", HANOI), HANOI));
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }

    @Test
    void aTwoSupplierAllocationGoesToBothSupplierTopicsAndIsReportedTwice() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.twoSuppliers("o-1"));

        List<KeyValue<String, Event>> toHanoi = harness.read(Topics.supplierDispatch(HANOI));
        assertThat(toHanoi).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("o-1");
            assertThat(kv.value).isInstanceOfSatisfying(DispatchRequested.class, r -> {
                assertThat(r.dispatchId()).isEqualTo(hanoiDispatch);
                assertThat(r.items()).extracting(i -> i.supplierSku()).containsExactly("HN-MUG-001", "HN-TOWEL-020");
                assertThat(r.packing()).isEqualTo(PACKING);
                assertThat(r.occurredAt()).isEqualTo(harness.now());
            });
        });
        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.items()).extracting(i -> i.sku()).containsExactly("LAMP-010"));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, DispatchSent.class))
                .extracting(DispatchSent::supplierId).containsExactly(HANOI, SHENZHEN);
    }

    /** order-service took the change before the stock was reserved: the suppliers are sent the new address. */
    @Test
    void anAddressChangedBeforeTheAllocationIsTheOneEachSupplierIsSent() {
        Address moved = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
        StockAllocated allocated = Allocations.twoSuppliers("o-1");
        harness.pipe(Topics.ORDERS_LIFECYCLE, new ShippingAddressChanged("ac-1", AT, "o-1", "shopify:demo-shop",
                allocated.order().shipTo(), moved));
        harness.pipe(Topics.ORDER_ALLOCATIONS, allocated);

        assertThat(harness.readValues(Topics.supplierDispatch(HANOI), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.shipTo()).isEqualTo(moved));
        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.shipTo()).isEqualTo(moved));
        assertThat(harness.<OrderDispatches>store(DispatchTopology.STORE).get("o-1").allocation().order().shipTo())
                .as("kept for a reroute to a backup").isEqualTo(moved);
        assertThat(harness.<Address>store(DispatchTopology.ADDRESSES).get("o-1")).as("used, then let go").isNull();
    }

    /** The dispatches went first: nothing is sent again, the change is an alert for ops, not kept. */
    @Test
    void anAddressChangedAfterTheDispatchesWereBuiltSendsNothing() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        allocate();
        harness.pipe(Topics.ORDERS_LIFECYCLE, new ShippingAddressChanged("ac-2", AT, "o-1", "admin:ops", null,
                new Address("1 Third Street", null, "York", null, "YO1 7HH", "GB")));

        assertThat(harness.read(Topics.supplierDispatch(HANOI))).isEmpty();
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
        assertThat(harness.<Address>store(DispatchTopology.ADDRESSES).get("o-1")).isNull();
        try {
            assertThat(meters.counter("dropship.gateway.address.changes.late").count()).isEqualTo(1);
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    /** A changed address kept for an order that is then rejected or cancelled unreserved is not kept for ever. */
    @Test
    void anAddressKeptForAnOrderThatEndsUnreservedIsForgotten() {
        Address elsewhere = new Address("1 Third Street", null, "York", null, "YO1 7HH", "GB");
        harness.pipe(Topics.ORDERS_LIFECYCLE, new ShippingAddressChanged("ac-3", AT, "o-3", "admin:ops", null, elsewhere));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new ShippingAddressChanged("ac-4", AT, "o-4", "admin:ops", null, elsewhere));
        assertThat(harness.<Address>store(DispatchTopology.ADDRESSES).get("o-3")).isEqualTo(elsewhere);

        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("rejected-o-3", AT, "o-3", OrderStatus.PLACED,
                OrderStatus.REJECTED, "out of stock", null, null, null, null, null));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("cancelled-o-4", AT, "o-4", OrderStatus.PLACED,
                OrderStatus.CANCELLED, "asked", null, null, null, null, null));

        assertThat(harness.<Address>store(DispatchTopology.ADDRESSES).get("o-3")).isNull();
        assertThat(harness.<Address>store(DispatchTopology.ADDRESSES).get("o-4")).isNull();
    }

    @Test
    void aReplayedAllocationOrARejectionSendsNothing() {
        StockAllocated allocated = Allocations.twoSuppliers("o-1");
        harness.pipe(Topics.ORDER_ALLOCATIONS, allocated);
        harness.read(Topics.supplierDispatch(HANOI));
        harness.read(Topics.FULFILMENT_EVENTS);

        harness.pipe(Topics.ORDER_ALLOCATIONS, allocated);
        harness.pipe(Topics.ORDER_ALLOCATIONS, new StockRejected("rej-1", AT, "o-2", List.of(new ShortLine(1, "SCARF-007", 5, 3))));

        assertThat(harness.read(Topics.supplierDispatch(HANOI))).isEmpty();
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).hasSize(1); // from the first allocation only
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }

    @Test
    void anAllocationToAnUnconfiguredSupplierSendsNothing() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-9")
                .line("MUG-001", 1, "berlin-bits", "BB-MUG", "4.00").build());

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
        assertThat(harness.<OrderDispatches>store(DispatchTopology.STORE).get("o-9").unroutedSuppliers())
                .containsExactly("berlin-bits");
    }

    @Test
    void acceptedAndShippedAnswersAreNormalisedOntoFulfilmentEvents() {
        allocate();

        harness.pipe(Topics.supplierUpdates(HANOI), new DispatchAccepted("u-1", AT, "o-1", hanoiDispatch, HANOI));
        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-2", "VN100", "VN200"));

        List<KeyValue<String, Event>> out = harness.read(Topics.FULFILMENT_EVENTS);
        assertThat(out).extracting(kv -> kv.key).containsOnly("o-1");
        assertThat(out).extracting(kv -> kv.value.getClass().getSimpleName()).containsExactly("SupplierAccepted", "ParcelsShipped");
        assertThat((ParcelsShipped) out.get(1).value).satisfies(p -> {
            assertThat(p.dispatchId()).isEqualTo(hanoiDispatch);
            assertThat(p.carrier()).isEqualTo("VNPOST");
            assertThat(p.trackingNumbers()).containsExactly("VN100", "VN200");
        });
        assertThat(harness.<OrderDispatches>store(DispatchTopology.STORE).get("o-1").dispatches().get(0).status())
                .isEqualTo(DispatchStatus.SHIPPED);
    }

    @Test
    void replayedOrUnknownAnswersProduceNothing() {
        allocate();
        DispatchAccepted accepted = new DispatchAccepted("u-1", AT, "o-1", hanoiDispatch, HANOI);
        harness.pipe(Topics.supplierUpdates(HANOI), accepted);
        harness.read(Topics.FULFILMENT_EVENTS);

        harness.pipe(Topics.supplierUpdates(HANOI), accepted);
        harness.pipe(Topics.supplierUpdates(HANOI), new DispatchAccepted("u-2", AT, "o-1", hanoiDispatch, HANOI));
        harness.pipe(Topics.supplierUpdates(HANOI), new DispatchAccepted("u-3", AT, "o-1", "no-such-dispatch", HANOI));
        harness.pipe(Topics.supplierUpdates(HANOI), new DispatchAccepted("u-4", AT, "o-unknown", hanoiDispatch, HANOI));
        // shenzhen cannot speak for hanoi's dispatch, on its own topic or on hanoi's
        String shenzhenDispatch = DispatchPlan.dispatchId("o-1", SHENZHEN);
        harness.pipe(Topics.supplierUpdates(SHENZHEN), new DispatchAccepted("u-5", AT, "o-1", hanoiDispatch, SHENZHEN));
        harness.pipe(Topics.supplierUpdates(HANOI), new DispatchAccepted("u-6", AT, "o-1", shenzhenDispatch, SHENZHEN));

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }

    @Test
    void aPartialShipmentReportsEachNewParcelOnce() {
        allocate();

        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-1", "VN100"));
        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-2", "VN100"));
        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-3", "VN100", "VN200"));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class))
                .extracting(ParcelsShipped::trackingNumbers)
                .containsExactly(List.of("VN100"), List.of("VN200"));
    }

    @Test
    void eachShippedParcelIsRegisteredWithTrackingInTheSameStepKeyedByItsTrackingNumber() {
        allocate();

        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-1", "VN100", "VN200", "VN100"));
        harness.pipe(Topics.supplierUpdates(HANOI), shipped("u-2", "VN100"));

        List<KeyValue<String, Event>> registrations = harness.read(Topics.TRACKING_REGISTRATIONS);
        assertThat(registrations).extracting(kv -> kv.key).as("each parcel once").containsExactly("VN100", "VN200");
        assertThat(registrations).extracting(kv -> (ParcelRegistered) kv.value).allSatisfy(r -> {
            assertThat(r.orderId()).isEqualTo("o-1");
            assertThat(r.dispatchId()).isEqualTo(hanoiDispatch);
            assertThat(r.supplierId()).isEqualTo(HANOI);
            assertThat(r.carrier()).isEqualTo("VNPOST");
        });
    }

    private void allocate() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.twoSuppliers("o-1"));
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.read(Topics.supplierDispatch(HANOI));
        harness.read(Topics.supplierDispatch(SHENZHEN));
    }

    private DispatchShipped shipped(String eventId, String... trackingNumbers) {
        return new DispatchShipped(eventId, AT, "o-1", hanoiDispatch, HANOI, "VNPOST", List.of(trackingNumbers));
    }
}
