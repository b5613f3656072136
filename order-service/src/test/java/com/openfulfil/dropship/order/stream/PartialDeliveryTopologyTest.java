package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An order whose units leave in several parcels: PARTIALLY_SHIPPED while some are with a carrier and
 * others not, PARTIALLY_DELIVERED once some have arrived, DELIVERED (and the auto-completion clock) only
 * with the last unit. The partial transitions say how far each line has got; the others carry no more
 * than before, and an order shipped in one parcel takes exactly the transitions it always did. A move to
 * RETURNED or REFUNDED says it too, with the units back and those refunds named.
 */
class PartialDeliveryTopologyTest {
    private static final Instant T = OrderFixtures.T0;
    private static final String ORDER = "o-units";
    private static final String HANOI = "hanoi-crafts";

    private final TopologyHarness harness = TopologyHarness.of(builder -> OrderTopology.build(builder.stream(
                    List.of(Topics.ORDERS_PLACED.name(), Topics.ORDER_ALLOCATIONS.name(), Topics.FULFILMENT_EVENTS.name(),
                            Topics.TRACKING_EVENTS.name(), Topics.ORDER_COMMANDS.name())),
            new OrderProcessor.OrderSettings(Duration.ofDays(7), Duration.ofMinutes(1))).to(Topics.ORDERS_LIFECYCLE.name()));

    /** MUG-001 × 2 and LAMP-010 × 1, both at hanoi-crafts: one dispatch. */
    private final OrderPlaced placed = OrderFixtures.anOrder().withOrderId(ORDER)
            .withLine("MUG-001", 2, "12.50").withLine("LAMP-010", 1, "39.00").build();

    @AfterEach
    void close() {
        harness.close();
    }

    private void dispatched() {
        OfferRef offer = new OfferRef(HANOI, "HN", new BigDecimal("4.20"), new BigDecimal("1.80"), "USD", 2, 1);
        harness.pipe(Topics.ORDERS_PLACED, placed)
                .pipe(Topics.ORDER_ALLOCATIONS, new StockAllocated("a", T, ORDER, placed.order(), List.of(
                        new LineAllocation(1, "MUG-001", 2, offer, List.of()),
                        new LineAllocation(2, "LAMP-010", 1, offer, List.of()))))
                .pipe(Topics.FULFILMENT_EVENTS, new DispatchSent("s", T, ORDER, "d-1", HANOI, List.of(
                        new DispatchItem(1, "MUG-001", "HN-MUG", "Mug", 2, BigDecimal.ONE),
                        new DispatchItem(2, "LAMP-010", "HN-LAMP", "Lamp", 1, BigDecimal.ONE))))
                .pipe(Topics.FULFILMENT_EVENTS, new SupplierAccepted("acc", T, ORDER, "d-1", HANOI));
    }

    private void ship(String eventId, String trackingNumber, List<ParcelItem> items) {
        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped(eventId, T, ORDER, "d-1", HANOI, "VNPOST",
                List.of(trackingNumber), List.of(new ShippedParcel(trackingNumber, items))));
    }

    private void scan(String trackingNumber, ParcelStatus status) {
        harness.pipe(Topics.TRACKING_EVENTS, new ParcelStatusChanged("t-" + trackingNumber + status, T, ORDER, "d-1",
                trackingNumber, "VNPOST", null, status, new Checkpoint(T, "Hà Nội", status.name(), status.name())));
    }

    private List<OrderStatusChanged> changes() {
        return harness.readValues(Topics.ORDERS_LIFECYCLE, OrderStatusChanged.class);
    }

    @Test
    void aPartOfTheOrderDeliveredIsPartiallyDeliveredAndTheLastUnitDeliversIt() {
        dispatched();
        changes();

        ship("sh-1", "VN1", List.of(new ParcelItem(1, "MUG-001", 2, "Mug")));
        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            assertThat(c.units()).containsExactly(new LineUnits(1, "MUG-001", 2, 2, 0), new LineUnits(2, "LAMP-010", 1, 0, 0));
            assertThat(c.reason()).isEqualTo("partially shipped: 2 of 3 units with a carrier");
        });

        scan("VN1", ParcelStatus.IN_TRANSIT);
        assertThat(changes()).as("the other units have not left yet").isEmpty();
        scan("VN1", ParcelStatus.DELIVERED);
        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
            assertThat(c.units()).containsExactly(new LineUnits(1, "MUG-001", 2, 2, 2), new LineUnits(2, "LAMP-010", 1, 0, 0));
        });

        // the second parcel does not say what it holds: it holds what the first left, the lamp
        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("sh-2", T, ORDER, "d-1", HANOI, "VNPOST", List.of("VN2")));
        scan("VN2", ParcelStatus.IN_TRANSIT);
        assertThat(changes()).as("still partially delivered").isEmpty();
        assertThat(harness.<OrderRecord>store(OrderProcessor.STORE).get(ORDER).units())
                .containsExactly(new LineUnits(1, "MUG-001", 2, 2, 2), new LineUnits(2, "LAMP-010", 1, 1, 0));

        harness.advance(Duration.ofDays(8));
        assertThat(changes()).as("a partly delivered order is not completed automatically").isEmpty();

        scan("VN2", ParcelStatus.DELIVERED);
        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(c.units()).as("DELIVERED says it of every unit").isNull();
        });
        harness.advance(Duration.ofDays(6));
        assertThat(changes()).as("the clock counts from the last unit").isEmpty();
        harness.advance(Duration.ofDays(1).plusMinutes(2));
        assertThat(changes()).extracting(OrderStatusChanged::to).containsExactly(OrderStatus.COMPLETED);
    }

    @Test
    void movesToReturnedAndRefundedSayWhichUnitsCameBackAndWhichWereRefunded() {
        dispatched();
        ship("sh-1", "VN1", List.of(new ParcelItem(1, "MUG-001", 2, "Mug"), new ParcelItem(2, "LAMP-010", 1, "Lamp")));
        scan("VN1", ParcelStatus.IN_TRANSIT);
        scan("VN1", ParcelStatus.DELIVERED);
        changes();

        harness.pipe(Topics.ORDER_COMMANDS, new ReturnRequested("rq", T, ORDER, ReturnReason.DAMAGED, "broken",
                        List.of(), "admin"))
                .pipe(Topics.ORDER_COMMANDS, new ReturnReceived("rr", T, ORDER, "admin"));
        assertThat(changes()).extracting(OrderStatusChanged::to, OrderStatusChanged::units).containsExactly(
                tuple(OrderStatus.RETURN_REQUESTED, null),
                tuple(OrderStatus.RETURNED, List.of(
                        new LineUnits(1, "MUG-001", 2, 2, 2, 2, 0), new LineUnits(2, "LAMP-010", 1, 1, 1, 1, 0))));

        harness.pipe(Topics.ORDER_COMMANDS, new RefundIssued("ri", T, ORDER, new BigDecimal("12.50"), "USD", "admin:ops",
                "one mug broken", "rf_1", null, null, List.of(new LineQuantity(1, 1))));
        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(OrderStatus.REFUNDED);
            assertThat(c.units()).containsExactly(new LineUnits(1, "MUG-001", 2, 2, 2, 2, 1),
                    new LineUnits(2, "LAMP-010", 1, 1, 1, 1, 0));
        });
    }

    @Test
    void anOrderInOneParcelTakesTheTransitionsItAlwaysDidCarryingNoUnits() {
        dispatched();
        ship("sh-1", "VN1", List.of(new ParcelItem(1, "MUG-001", 2, "Mug"), new ParcelItem(2, "LAMP-010", 1, "Lamp")));
        scan("VN1", ParcelStatus.IN_TRANSIT);
        scan("VN1", ParcelStatus.DELIVERED);

        List<OrderStatusChanged> changes = changes();
        assertThat(changes).extracting(OrderStatusChanged::to).containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED,
                OrderStatus.DISPATCHED, OrderStatus.ACCEPTED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
                OrderStatus.DELIVERED);
        assertThat(changes).allSatisfy(c -> assertThat(c.units()).isNull());
    }

    @Test
    void everyUnitShippedInTwoParcelsIsShippedThenPartiallyDeliveredUntilTheSecondArrives() {
        dispatched();
        harness.pipe(Topics.FULFILMENT_EVENTS, new ParcelsShipped("sh", T, ORDER, "d-1", HANOI, "VNPOST",
                List.of("VN1", "VN2"), List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, "MUG-001", 2, "Mug"))),
                new ShippedParcel("VN2", List.of(new ParcelItem(2, "LAMP-010", 1, "Lamp"))))));
        scan("VN2", ParcelStatus.IN_TRANSIT);
        scan("VN2", ParcelStatus.DELIVERED);
        scan("VN1", ParcelStatus.DELIVERED);

        assertThat(changes()).extracting(OrderStatusChanged::to).endsWith(OrderStatus.ACCEPTED, OrderStatus.SHIPPED,
                OrderStatus.IN_TRANSIT, OrderStatus.PARTIALLY_DELIVERED, OrderStatus.DELIVERED);
    }
}
