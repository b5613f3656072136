package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.order.RefundRequested;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.OrderRemedy;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShortLine;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.ReshipRequested;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.order.ReturnShipped;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.openfulfil.dropship.events.model.OrderStatus.ACCEPTED;
import static com.openfulfil.dropship.events.model.OrderStatus.CANCELLED;
import static com.openfulfil.dropship.events.model.OrderStatus.RESHIPPED;
import static com.openfulfil.dropship.events.model.OrderStatus.REFUNDED;
import static com.openfulfil.dropship.events.model.OrderStatus.RETURNED;
import static com.openfulfil.dropship.events.model.OrderStatus.RETURN_REQUESTED;
import static com.openfulfil.dropship.events.model.OrderStatus.CANCELLING;
import static com.openfulfil.dropship.events.model.OrderStatus.COMPLETED;
import static com.openfulfil.dropship.events.model.OrderStatus.CONFIRMED;
import static com.openfulfil.dropship.events.model.OrderStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.OrderStatus.DISPATCHED;
import static com.openfulfil.dropship.events.model.OrderStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.OrderStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.OrderStatus.PARTIALLY_DELIVERED;
import static com.openfulfil.dropship.events.model.OrderStatus.PARTIALLY_SHIPPED;
import static com.openfulfil.dropship.events.model.OrderStatus.PLACED;
import static com.openfulfil.dropship.events.model.OrderStatus.REJECTED;
import static com.openfulfil.dropship.events.model.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStateMachineTest {
    private static final String ORDER = "o-1";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final OrderPlaced placed = OrderFixtures.anOrder().withOrderId(ORDER)
            .withLine("MUG-001", 2, "12.50").withLine("LAMP-010", 1, "39.00").build();

    private OrderRecord record;
    private final List<OrderStatus> transitions = new ArrayList<>();

    private void apply(Event... events) {
        for (Event event : events) {
            Outcome outcome = OrderStateMachine.apply(record, ORDER, event, NOW);
            record = outcome.record();
            outcome.changes().forEach(c -> transitions.add(c.to()));
        }
    }

    private static StockAllocated allocatedTo(String... suppliers) {
        List<LineAllocation> lines = new ArrayList<>();
        for (int i = 0; i < suppliers.length; i++) {
            lines.add(new LineAllocation(i + 1, "SKU-" + i, 1,
                    new OfferRef(suppliers[i], "S" + i, BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 1), List.of()));
        }
        return new StockAllocated("a", NOW, ORDER, null, lines);
    }

    private static DispatchSent sent(String supplier) {
        return new DispatchSent("s-" + supplier, NOW, ORDER, "d-" + supplier, supplier, List.of());
    }

    private static SupplierAccepted accepted(String supplier) {
        return new SupplierAccepted("acc-" + supplier, NOW, ORDER, "d-" + supplier, supplier);
    }

    private static ParcelsShipped shipped(String supplier, String... parcels) {
        return new ParcelsShipped("sh-" + supplier, NOW, ORDER, "d-" + supplier, supplier, "SF", List.of(parcels));
    }

    private static ParcelStatusChanged parcel(String supplier, String number, ParcelStatus status) {
        return new ParcelStatusChanged("p-" + number + status, NOW, ORDER, "d-" + supplier, number, "SF", null, status,
                new Checkpoint(NOW, "London", "scan", status.name()));
    }

    @Test
    void followsTheHappyPathToDelivered() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, ACCEPTED, SHIPPED, IN_TRANSIT, DELIVERED);
        assertThat(record.history()).extracting(HistoryEntry::status).containsExactlyElementsOf(transitions);
        assertThat(record.fulfilments().get("d-hanoi-crafts").parcels()).containsEntry("VN1", ParcelStatus.DELIVERED);
    }

    @Test
    void aLostParcelClaimPutsTheOrderInExceptionAndADelayChangesNothing() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT),
                new ParcelDelayed("dl-1", NOW, ORDER, "d-hanoi-crafts", "VN1", "VNPOST", ParcelStatus.IN_TRANSIT, NOW,
                        null));
        assertThat(record.status()).isEqualTo(IN_TRANSIT);

        LostParcelClaimOpened claim = new LostParcelClaimOpened("cl-1", NOW, ORDER, "d-hanoi-crafts", "VN1", "VNPOST",
                "claim-VN1", "no carrier update since 2026-10-01T00:00:00Z");
        apply(claim, claim);
        assertThat(transitions).endsWith(IN_TRANSIT, EXCEPTION);
        assertThat(record.history()).last().satisfies(h -> assertThat(h.reason()).contains("claim-VN1", "VNPOST"));
    }

    @Test
    void aSplitOrderIsDispatchedAtThePaceOfItsSlowestSupplierAndPartlyShippedAndDeliveredUntilItsLastUnit() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"));
        assertThat(record.status()).isEqualTo(CONFIRMED);
        apply(sent("shenzhen-gadgets"), accepted("hanoi-crafts"));
        assertThat(record.status()).isEqualTo(DISPATCHED);
        apply(shipped("hanoi-crafts", "VN1"));
        assertThat(record.status()).as("hanoi-crafts' units are on their way, shenzhen-gadgets' not yet")
                .isEqualTo(PARTIALLY_SHIPPED);
        apply(shipped("shenzhen-gadgets", "SF1", "SF2"));
        assertThat(record.status()).isEqualTo(SHIPPED);
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED), parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED));
        assertThat(record.status()).as("SF2 is still on its way").isEqualTo(PARTIALLY_DELIVERED);
        apply(parcel("shenzhen-gadgets", "SF2", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, PARTIALLY_SHIPPED, SHIPPED,
                PARTIALLY_DELIVERED, DELIVERED);
    }

    @Test
    void unitsAreCountedByLineFromWhatEachParcelHoldsAndAParcelNamingNothingHoldsTheRest() {
        apply(placed, allocatedTo("hanoi-crafts"), new DispatchSent("s", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                List.of(new DispatchItem(1, "MUG-001", "HN-MUG", "Mug", 2, BigDecimal.ONE),
                        new DispatchItem(2, "LAMP-010", "HN-LAMP", "Lamp", 1, BigDecimal.ONE))));
        apply(new ParcelsShipped("sh-1", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", "VNPOST", List.of("VN1"),
                List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, "MUG-001", 1, "Mug"))))));
        assertThat(record.status()).isEqualTo(PARTIALLY_SHIPPED);
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 2, 1, 0), new LineUnits(2, "LAMP-010", 1, 0, 0));

        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(PARTIALLY_DELIVERED);
        apply(shipped("hanoi-crafts", "VN2"), parcel("hanoi-crafts", "VN2", ParcelStatus.DELIVERED));

        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 2, 2, 2), new LineUnits(2, "LAMP-010", 1, 1, 1));
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(record.history()).extracting(HistoryEntry::reason).contains(
                "partially shipped: 1 of 3 units with a carrier", "partially delivered: 1 of 3 units delivered");
    }

    /** Five mugs, which no single supplier held: catalog split the line, 3 at hanoi-crafts and 2 at shenzhen-gadgets. */
    @Test
    void aLineSplitAcrossTwoSuppliersCountsBothPartsUnitsAndIsDeliveredOnlyWithTheLastParcel() {
        OrderPlaced fiveMugs = OrderFixtures.anOrder().withOrderId(ORDER).withLine("MUG-001", 5, "12.50").build();
        OfferRef hanoi = new OfferRef("hanoi-crafts", "HN-MUG", BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 1);
        OfferRef shenzhen = new OfferRef("shenzhen-gadgets", "SZ-MUG", BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 2);
        apply(fiveMugs, new StockAllocated("a", NOW, ORDER, fiveMugs.order(), List.of(
                        new LineAllocation(1, "MUG-001", 3, hanoi, List.of()),
                        new LineAllocation(1, "MUG-001", 2, shenzhen, List.of()))),
                new DispatchSent("s-hn", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                        List.of(new DispatchItem(1, "MUG-001", "HN-MUG", "Mug", 3, BigDecimal.ONE))),
                new DispatchSent("s-sz", NOW, ORDER, "d-shenzhen-gadgets", "shenzhen-gadgets",
                        List.of(new DispatchItem(1, "MUG-001", "SZ-MUG", "Mug", 2, BigDecimal.ONE))));
        assertThat(record.expectedSuppliers()).containsExactly("hanoi-crafts", "shenzhen-gadgets");
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 5, 0, 0));

        apply(shipped("hanoi-crafts", "VN1"));
        assertThat(record.status()).as("shenzhen-gadgets' 2 mugs are not shipped yet").isEqualTo(PARTIALLY_SHIPPED);
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 5, 3, 0));

        apply(new ParcelsShipped("sh-sz", NOW, ORDER, "d-shenzhen-gadgets", "shenzhen-gadgets", "SF", List.of("SF1"),
                List.of(new ShippedParcel("SF1", List.of(new ParcelItem(1, "MUG-001", 2, "Mug"))))));
        assertThat(record.status()).isEqualTo(SHIPPED);
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 5, 5, 0));

        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).as("the line's other part is still on its way").isEqualTo(PARTIALLY_DELIVERED);
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 5, 5, 3));

        apply(parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(record.units()).containsExactly(new LineUnits(1, "MUG-001", 5, 5, 5));
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, PARTIALLY_SHIPPED, SHIPPED,
                PARTIALLY_DELIVERED, DELIVERED);
        assertThat(record.history()).extracting(HistoryEntry::reason).contains(
                "partially shipped: 3 of 5 units with a carrier", "partially delivered: 3 of 5 units delivered");
    }

    @Test
    void aPartlyDeliveredOrderIsNeitherCompletedAutomaticallyNorConfirmedReceived() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"), sent("shenzhen-gadgets"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(PARTIALLY_DELIVERED);

        apply(new ReceiptConfirmed("rc", NOW, ORDER, 5, null));
        assertThat(OrderStateMachine.autoComplete(record, NOW.plus(Duration.ofDays(30)), Duration.ofDays(7)).changes())
                .isEmpty();
        assertThat(record.status()).isEqualTo(PARTIALLY_DELIVERED);
        assertThat(record.deliveredAt()).as("the return window opens with the last unit").isEmpty();
    }

    @Test
    void aParcelsNewsThatOvertakesItsDispatchIsKeptUntilTheDispatchArrives() {
        apply(placed, allocatedTo("hanoi-crafts"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).as("nothing is known of the dispatch yet").isEqualTo(CONFIRMED);
        apply(sent("hanoi-crafts"), accepted("hanoi-crafts"), shipped("hanoi-crafts", "VN1"));
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(record.fulfilments().get("d-hanoi-crafts")).satisfies(f -> {
            assertThat(f.supplierId()).isEqualTo("hanoi-crafts");
            assertThat(f.parcels()).containsEntry("VN1", ParcelStatus.DELIVERED);
        });
    }

    @Test
    void aSplitOrderWhoseParcelNewsOvertakesOneDispatchStillWaitsForTheOther() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"),
                parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).as("shenzhen-gadgets' dispatch has not been seen").isEqualTo(PARTIALLY_DELIVERED);
        apply(sent("shenzhen-gadgets"), shipped("shenzhen-gadgets", "SF1"));
        assertThat(record.status()).isEqualTo(DELIVERED);
    }

    @Test
    void theWholeJourneyArrivingBeforeTheOrderIsAppliedWhateverTheOrderOfItsTopics() {
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT), allocatedTo("hanoi-crafts"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"));
        assertThat(transitions).isEmpty();
        apply(placed);
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(record.pending()).isEmpty();
        assertThat(record.fulfilments().get("d-hanoi-crafts").parcels()).containsEntry("VN1", ParcelStatus.DELIVERED);
    }

    /**
     * Seen after order-service restarted with a backlog: a parcel's first scan came in before its
     * dispatch, its later scans after it, all before the order itself. The parcel's news must end
     * at its last scan, not at the first one that had to wait.
     */
    @Test
    void aParcelsEarlyScanKeptBackDoesNotUndoItsLaterScansWhenTheOrderArrivesLast() {
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.INFO_RECEIVED), sent("hanoi-crafts"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.OUT_FOR_DELIVERY),
                parcel("shenzhen-gadgets", "SF1", ParcelStatus.INFO_RECEIVED), sent("shenzhen-gadgets"),
                shipped("shenzhen-gadgets", "SF1"), parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED),
                allocatedTo("hanoi-crafts", "shenzhen-gadgets"));
        apply(placed);
        assertThat(record.fulfilments().get("d-hanoi-crafts").parcels()).containsEntry("VN1", ParcelStatus.DELIVERED);
        assertThat(record.fulfilments().get("d-shenzhen-gadgets").parcels()).containsEntry("SF1", ParcelStatus.DELIVERED);
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(record.pending()).isEmpty();
    }

    @Test
    void eventsThatArriveBeforeTheOrderAreAppliedOnceItIsPlaced() {
        apply(allocatedTo("hanoi-crafts"));
        assertThat(record.isPlaced()).isFalse();
        assertThat(transitions).isEmpty();
        apply(placed);
        assertThat(transitions).containsExactly(PLACED, CONFIRMED);
        assertThat(record.pending()).isEmpty();
    }

    @Test
    void repeatedAndLateEventsChangeNothing() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        OrderRecord delivered = record;
        transitions.clear();
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(transitions).isEmpty();
        assertThat(record).isEqualTo(delivered);
    }

    @Test
    void noStockRejectsTheOrder() {
        apply(placed, new StockRejected("r", NOW, ORDER, List.of(new ShortLine(1, "SCARF-007", 4, 3))));
        assertThat(record.status()).isEqualTo(REJECTED);
        assertThat(record.history().get(1).reason()).contains("SCARF-007 (requested 4, available 3)");
        apply(allocatedTo("hanoi-crafts"));
        assertThat(record.status()).isEqualTo(REJECTED);
    }

    @Test
    void cancellingBeforeDispatchIsImmediate() {
        apply(placed, allocatedTo("hanoi-crafts"), new CancelRequested("c", NOW, ORDER, "storefront:demo-shop", "changed mind"));
        assertThat(record.status()).isEqualTo(CANCELLED);
        assertThat(OrderStateMachine.canCancel(SHIPPED)).isFalse();
    }

    @Test
    void cancellingAfterDispatchAsksTheSuppliersAndEndsWhenAllHaveCancelled() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"), sent("shenzhen-gadgets"),
                accepted("hanoi-crafts"), new CancelRequested("c", NOW, ORDER, "storefront:demo-shop", null));
        assertThat(record.status()).isEqualTo(CANCELLING);
        apply(new DispatchCancelled("x1", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts"));
        assertThat(record.status()).as("one supplier still to answer").isEqualTo(CANCELLING);
        apply(new DispatchCancelled("x2", NOW, ORDER, "d-shenzhen-gadgets", "shenzhen-gadgets"));
        assertThat(record.status()).isEqualTo(CANCELLED);
        assertThat(transitions).endsWith(CANCELLING, CANCELLED);
    }

    @Test
    void aRefusedCancellationLetsTheOrderGoOnWithWhatShipped() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"), sent("shenzhen-gadgets"),
                new CancelRequested("c", NOW, ORDER, "storefront:demo-shop", null),
                new DispatchCancelled("x1", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts"),
                shipped("shenzhen-gadgets", "SF1"),
                new CancellationRefused("x2", NOW, ORDER, "d-shenzhen-gadgets", "shenzhen-gadgets", "already shipped"));
        assertThat(record.status()).as("the shipped part goes on; the cancelled one no longer holds it back")
                .isEqualTo(SHIPPED);
        assertThat(record.history().get(record.history().size() - 1).reason()).contains("already shipped");
        apply(parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(DELIVERED);
    }

    @Test
    void aDeliveredOrderCanBeReturnedThenRefunded() {
        deliver();
        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, "Cracked", List.of("https://cdn.example.com/p1.jpg"),
                "storefront:demo-shop"));
        assertThat(record.status()).isEqualTo(RETURN_REQUESTED);
        assertThat(record.afterSales().photoUrls()).containsExactly("https://cdn.example.com/p1.jpg");
        assertThat(record.afterSales().supplierPaysReturn()).as("a damaged item is the supplier's").isTrue();
        apply(new ReturnReceived("r2", NOW, ORDER, "admin"),
                new RefundIssued("r3", NOW, ORDER, new BigDecimal("25.00"), "USD", "admin", null));
        assertThat(transitions).endsWith(RETURN_REQUESTED, RETURNED, REFUNDED);
        assertThat(record.afterSales().refunded()).isEqualByComparingTo("25.00");
    }

    @Test
    void eachSuppliersReturnAuthorisationIsKeptWithTheAfterSalesOnce() {
        deliver();
        Address hanoi = new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN");
        ReturnAuthorised authorised = new ReturnAuthorised("ra-1", NOW, ORDER, "d-1", "hanoi-crafts",
                ReturnAuthorised.rmaId(ORDER, "hanoi-crafts"), ReturnReason.DAMAGED,
                List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug")), "Hanoi Crafts returns", hanoi,
                ReturnPayer.SUPPLIER, new BigDecimal("6.50"), "USD");
        apply(authorised);
        assertThat(record.afterSalesOrNone().returnAuthorisations()).as("no return was asked").isEmpty();

        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, "Cracked", List.of(), "storefront:demo-shop"),
                authorised, authorised);

        assertThat(record.status()).isEqualTo(RETURN_REQUESTED);
        assertThat(record.afterSales().returnAuthorisations()).singleElement().satisfies(a -> {
            assertThat(a.rmaId()).isEqualTo(authorised.rmaId());
            assertThat(a.supplierId()).isEqualTo("hanoi-crafts");
            assertThat(a.returnAddress()).isEqualTo(hanoi);
            assertThat(a.returnTo()).isEqualTo("Hanoi Crafts returns");
            assertThat(a.paidBy()).isEqualTo(ReturnPayer.SUPPLIER);
            assertThat(a.items()).extracting(ParcelItem::sku).containsExactly("MUG-001");
            assertThat(a.authorisedAt()).isEqualTo(NOW);
        });
        assertThat(record.history()).filteredOn(h -> h.reason().contains(authorised.rmaId())).hasSize(1);
    }

    /** An order from two suppliers is returned once both have their return parcel delivered. */
    @Test
    void theOrderIsReturnedOnceEverySuppliersReturnParcelIsDelivered() {
        deliver();
        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, "Cracked", List.of(), "storefront:demo-shop"),
                authorisation("hanoi-crafts"), authorisation("lyon-linen"));
        String hanoi = ReturnAuthorised.rmaId(ORDER, "hanoi-crafts");
        String lyon = ReturnAuthorised.rmaId(ORDER, "lyon-linen");

        Outcome sent = OrderStateMachine.apply(record, ORDER, new ReturnShipped("rs1", NOW, ORDER, hanoi, "VNPOST",
                "VNR1", "storefront:demo-shop"), NOW);
        assertThat(sent.registrations()).singleElement().satisfies(r -> {
            assertThat(r.dispatchId()).isEqualTo(hanoi);
            assertThat(r.trackingNumber()).isEqualTo("VNR1");
            assertThat(r.supplierId()).isEqualTo("hanoi-crafts");
        });
        assertThat(OrderStateMachine.apply(sent.record(), ORDER, new ReturnShipped("rs1-again", NOW, ORDER, hanoi,
                "VNPOST", "VNR1", "storefront:demo-shop"), NOW).registrations()).as("the same parcel again").isEmpty();
        apply(new ReturnShipped("rs1", NOW, ORDER, hanoi, "VNPOST", "VNR1", "storefront:demo-shop"),
                new ReturnShipped("rs2", NOW, ORDER, lyon, "COLISSIMO", "FR1", "storefront:demo-shop"),
                returnParcel(hanoi, "VNR1", ParcelStatus.DELIVERED));

        assertThat(record.status()).as("lyon-linen has not had its return yet").isEqualTo(RETURN_REQUESTED);
        assertThat(record.afterSales().authorisation(hanoi).orElseThrow().received()).isTrue();
        assertThat(returned()).as("one mug back, the lamp kept").containsExactly(Map.entry(1, 1));

        apply(returnParcel(lyon, "FR1", ParcelStatus.IN_TRANSIT));
        assertThat(record.status()).isEqualTo(RETURN_REQUESTED);
        apply(returnParcel(lyon, "FR1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(RETURNED);
        assertThat(record.afterSales().returnedAt()).isEqualTo(NOW);
        assertThat(transitions).endsWith(RETURN_REQUESTED, RETURNED);
        assertThat(returned()).containsExactly(Map.entry(1, 2));
    }

    /** Ops may record a return that came back without tracking: what was authorised, or else what was delivered. */
    @Test
    void unitsRecordedReturnedByOpsAreThoseAuthorisedOrElseThoseDelivered() {
        deliver();
        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, "Cracked", List.of(), "storefront:demo-shop"));
        assertThat(returned()).as("nothing back while the return is only requested").isEmpty();
        OrderRecord requested = record;

        apply(new ReturnReceived("rr", NOW, ORDER, "admin"));
        assertThat(returned()).as("no authorisation: every delivered unit")
                .containsExactly(Map.entry(1, 2), Map.entry(2, 1));

        record = requested;
        apply(authorisation("hanoi-crafts"));
        assertThat(returned()).as("authorised, not received").isEmpty();
        apply(new ReturnReceived("rr", NOW, ORDER, "admin"));
        assertThat(returned()).as("the authorised mug").containsExactly(Map.entry(1, 1));
    }

    @Test
    void aReturnParcelNeedsAnOpenReturnAndItsAuthorisation() {
        deliver();
        String hanoi = ReturnAuthorised.rmaId(ORDER, "hanoi-crafts");
        apply(new ReturnShipped("rs0", NOW, ORDER, hanoi, "VNPOST", "VNR1", "storefront:demo-shop"));
        assertThat(record.afterSalesOrNone().returnAuthorisations()).isEmpty();

        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, null, List.of(), "storefront:demo-shop"));
        Outcome unknown = OrderStateMachine.apply(record, ORDER, new ReturnShipped("rs1", NOW, ORDER, "RMA-0000000000",
                "VNPOST", "VNR1", "admin"), NOW);
        assertThat(unknown.registrations()).isEmpty();
    }

    /** Each line's units back, by line number, for the lines that have any. */
    private Map<Integer, Integer> returned() {
        Map<Integer, Integer> back = new java.util.LinkedHashMap<>();
        record.units().stream().filter(u -> u.returned() > 0).forEach(u -> back.put(u.lineNo(), u.returned()));
        return back;
    }

    private static ReturnAuthorised authorisation(String supplierId) {
        return new ReturnAuthorised("ra-" + supplierId, NOW, ORDER, "d-" + supplierId, supplierId,
                ReturnAuthorised.rmaId(ORDER, supplierId), ReturnReason.DAMAGED,
                List.of(new ParcelItem(1, "MUG-001", 1, "Ceramic mug")), supplierId, null, ReturnPayer.SUPPLIER, null,
                null);
    }

    private static ParcelStatusChanged returnParcel(String rmaId, String trackingNumber, ParcelStatus status) {
        return new ParcelStatusChanged("rp-" + trackingNumber + status, NOW, ORDER, rmaId, trackingNumber, "VNPOST",
                ParcelStatus.IN_TRANSIT, status, new Checkpoint(NOW, "Hanoi", status.name(), status.name()));
    }

    @Test
    void aWrongItemIsReshippedAndAChangeOfMindIsTheCustomersToSendBack() {
        deliver();
        apply(new ReturnRequested("r1", NOW, ORDER, ReturnReason.CHANGED_MIND, null, List.of(), "storefront:demo-shop"));
        assertThat(record.afterSales().supplierPaysReturn()).isFalse();
        apply(new ReshipRequested("r2", NOW, ORDER, "admin", "replacement"));
        assertThat(record.status()).isEqualTo(RESHIPPED);
    }

    /**
     * A reship places a replacement order for the named units: same customer and address, nothing to pay,
     * no partner, each line from the supplier that shipped it; the original counts the replaced units.
     */
    @Test
    void aReshipPlacesAReplacementOrderForTheNamedUnitsFromTheSupplierThatShippedThem() {
        apply(placed, allocatedTo("hanoi-crafts"), new DispatchSent("s", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                        List.of(new DispatchItem(1, "MUG-001", "HC-MUG", "Mug", 2, BigDecimal.ONE),
                                new DispatchItem(2, "LAMP-010", "HC-LAMP", "Lamp", 1, BigDecimal.ONE))),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED),
                new ReturnRequested("r1", NOW, ORDER, ReturnReason.DAMAGED, "Cracked", List.of(), "storefront:demo-shop"));

        Outcome outcome = OrderStateMachine.apply(record, ORDER, new ReshipRequested("r2", NOW, ORDER, "admin:ops",
                "cracked mug", "o-1-r1", List.of(new LineQuantity(1, 5), new LineQuantity(9, 1))), NOW);

        assertThat(outcome.record().status()).isEqualTo(RESHIPPED);
        assertThat(outcome.placed()).singleElement().satisfies(replacement -> {
            assertThat(replacement.orderId()).isEqualTo("o-1-r1");
            OrderDetails details = replacement.order();
            assertThat(details.source().channel()).isEqualTo(Channel.RESHIP);
            assertThat(details.source().replaces()).isEqualTo(ORDER);
            assertThat(details.source().isPartnerOrder()).isFalse();
            assertThat(details.source().storefrontId()).isEqualTo(placed.order().source().storefrontId());
            assertThat(details.customer()).isEqualTo(placed.order().customer());
            assertThat(details.shipTo()).isEqualTo(placed.order().shipTo());
            assertThat(details.lines()).as("line 9 is not the order's; line 1 had 2 units")
                    .extracting(l -> l.lineNo() + ":" + l.sku() + "x" + l.quantity() + "@" + l.salePrice() + " from "
                            + l.supplierId())
                    .containsExactly("1:MUG-001x2@0 from hanoi-crafts");
        });
        assertThat(outcome.record().replacements()).singleElement().satisfies(r -> {
            assertThat(r.orderId()).isEqualTo("o-1-r1");
            assertThat(r.lines()).containsExactly(new LineQuantity(1, 2));
        });
        assertThat(outcome.changes()).singleElement().satisfies(c -> assertThat(c.reason())
                .contains("replacement order o-1-r1").contains("2 of line 1"));

        OrderRecord again = OrderStateMachine.apply(outcome.record(), ORDER, new ReshipRequested("r3", NOW, ORDER,
                "admin:ops", null, "o-1-r2", null), NOW).record();
        assertThat(again.replacements()).as("a reshipped order is settled").hasSize(1);
    }

    /**
     * Ops close a lost parcel's claim and reship in the same step (R5.3): the replacement holds what the
     * parcel held (its contents, when its shipment named them), and a closing without a remedy changes nothing.
     */
    @Test
    void closingALostParcelsClaimWithAReshipSendsTheParcelsUnitsAgain() {
        loseTheLampsParcel(placed);

        Outcome plain = OrderStateMachine.apply(record, ORDER, claimClosed(null), NOW);
        assertThat(plain.record().status()).as("settled separately").isEqualTo(OrderStatus.EXCEPTION);

        Outcome reshipped = OrderStateMachine.apply(record, ORDER, claimClosed(OrderRemedy.RESHIP), NOW);
        assertThat(reshipped.record().status()).isEqualTo(RESHIPPED);
        assertThat(reshipped.placed()).singleElement().satisfies(replacement -> {
            assertThat(replacement.orderId()).isEqualTo(Replacement.idFor(ORDER, 1));
            assertThat(replacement.order().lines()).extracting(l -> l.sku() + "x" + l.quantity() + " from " + l.supplierId())
                    .containsExactly("LAMP-010x1 from hanoi-crafts");
        });
        assertThat(reshipped.record().replacements()).singleElement()
                .satisfies(r -> assertThat(r.by()).isEqualTo("admin:ops"));
    }

    /**
     * Closing the claim with a refund pays back what the lost parcel held: through the payment provider
     * (a refund the order approves at once and the connector pays, once per claim) when the order carries a
     * payment reference,
     * else recorded as paid back offline.
     */
    @Test
    void closingALostParcelsClaimWithARefundPaysBackWhatTheParcelHeld() {
        OrderPlaced paid = PaidOrders.mugsAndLamp(ORDER);
        for (OrderPlaced order : List.of(paid, placed)) {
            record = null;
            loseTheLampsParcel(order);
            Outcome outcome = OrderStateMachine.apply(record, ORDER, claimClosed(OrderRemedy.REFUND), NOW);
            Refund refund = outcome.record().afterSales().refunds().get(0);
            assertThat(refund.amount()).as("the lamp's price").isEqualByComparingTo(
                    order.order().lines().get(1).salePrice());
            assertThat(refund.lines()).as("the lamp, so its line shows it refunded").containsExactly(new LineQuantity(2, 1));
            if (order == paid) {
                assertThat(outcome.commands()).singleElement().isInstanceOfSatisfying(RefundApproved.class, r -> {
                    assertThat(r.refundId()).isEqualTo(refund.refundId());
                    assertThat(r.paymentReference()).isEqualTo(PaidOrders.PAYMENT);
                });
                assertThat(refund.approvedAt()).isEqualTo(NOW);
                assertThat(outcome.record().status()).as("until the provider answers").isEqualTo(OrderStatus.EXCEPTION);
                Outcome readBack = OrderStateMachine.apply(outcome.record(), ORDER, outcome.commands().get(0), NOW);
                assertThat(readBack.record()).as("the approval coming back changes nothing").isEqualTo(outcome.record());
                assertThat(readBack.commands()).isEmpty();
            } else {
                assertThat(outcome.commands()).isEmpty();
                assertThat(refund.status()).isEqualTo(RefundStatus.OFFLINE);
                assertThat(outcome.record().status()).isEqualTo(OrderStatus.REFUNDED);
            }
        }
    }

    /** {@code order} shipped by one supplier in two parcels, VN1 holding the lamp; VN1 is lost. */
    private void loseTheLampsParcel(OrderPlaced order) {
        apply(order, allocatedTo("hanoi-crafts"), new DispatchSent("s", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                        List.of(new DispatchItem(1, "MUG-001", "HC-MUG", "Mug", 2, BigDecimal.ONE),
                                new DispatchItem(2, "LAMP-010", "HC-LAMP", "Lamp", 1, BigDecimal.ONE))),
                new ParcelsShipped("sh", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", "VNPOST", List.of("VN1", "VN2"),
                        List.of(new ShippedParcel("VN1", List.of(new ParcelItem(null, "LAMP-010", 1))),
                                new ShippedParcel("VN2", List.of(new ParcelItem(1, "MUG-001", 2))))),
                new LostParcelClaimOpened("lo", NOW, ORDER, "d-hanoi-crafts", "VN1", "VNPOST", "claim-VN1", "silence"));
        assertThat(record.status()).isEqualTo(OrderStatus.EXCEPTION);
    }

    /** Units a refund already took are not paid back again when the claim that lost them closes with a refund. */
    @Test
    void aLostParcelsRefundLeavesOutUnitsAnEarlierRefundTook() {
        OrderPlaced paid = PaidOrders.mugsAndLamp(ORDER);
        loseTheLampsParcel(paid);
        apply(new RefundRequested("rq", NOW, ORDER, "rf-lamp", new BigDecimal("39.00"), "USD",
                PaidOrders.PAYMENT, null, "admin:ops", "the lamp", List.of(new LineQuantity(2, 1))));
        assertThat(record.afterSales().refunds()).hasSize(1);

        Outcome outcome = OrderStateMachine.apply(record, ORDER, claimClosed(OrderRemedy.REFUND), NOW);

        assertThat(outcome.record().afterSales().refunds()).as("nothing of the lamp is left to refund").hasSize(1);
        assertThat(outcome.commands()).isEmpty();
        assertThat(outcome.record().history().get(outcome.record().history().size() - 1).reason())
                .contains("nothing is left to refund");
    }

    private static LostParcelClaimClosed claimClosed(OrderRemedy remedy) {
        return new LostParcelClaimClosed("cc", NOW, ORDER, "d-hanoi-crafts", "VN1", "VNPOST", "claim-VN1",
                ClaimOutcome.PAID, new BigDecimal("30.00"), "USD", null, "admin:ops", remedy);
    }

    /** A supplier that refused its dispatch is not asked to reship it: allocation picks the best offer. */
    @Test
    void aReplacementOfARefusedDispatchNamesNoSupplier() {
        apply(placed, allocatedTo("hanoi-crafts"), new DispatchSent("s", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                        List.of(new DispatchItem(1, "MUG-001", "HC-MUG", "Mug", 2, BigDecimal.ONE))),
                new SupplierRejected("rj", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", RejectionReason.ADDRESS, "?"));
        assertThat(record.status()).isEqualTo(OrderStatus.EXCEPTION);

        Outcome outcome = OrderStateMachine.apply(record, ORDER, new ReshipRequested("r2", NOW, ORDER, "admin:ops",
                null, "o-1-r1", null), NOW);

        assertThat(outcome.placed()).singleElement().satisfies(replacement -> assertThat(replacement.order().lines())
                .extracting(l -> l.lineNo() + "x" + l.quantity() + " from " + l.supplierId())
                .containsExactly("1x2 from null", "2x1 from null"));
    }

    @Test
    void aDeliveredOrderIsCompletedAutomaticallyOnce() {
        deliver();
        Outcome done = OrderStateMachine.autoComplete(record, NOW, Duration.ofDays(7));
        assertThat(done.changes()).extracting(StatusChange::to).containsExactly(COMPLETED);
        assertThat(done.record().history().get(done.record().history().size() - 1).reason())
                .isEqualTo("completed automatically 7 days after delivery");
        assertThat(OrderStateMachine.autoComplete(done.record(), NOW, Duration.ofDays(7)).changes()).isEmpty();
    }

    /** Every command in every state: applied where the table says it may be, ignored everywhere else. */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyCommandInEveryState")
    void commandsMoveOnlyTheStatesTheyBelongTo(String command, OrderStatus status, OrderStatus expected) {
        record = OrderRecord.accepted(ORDER, placed.order(), NOW).moveTo(status, NOW, "test");
        transitions.clear();
        apply(COMMANDS.get(command));
        assertThat(record.status()).isEqualTo(expected);
    }

    private static final Map<String, Event> COMMANDS = Map.of(
            "cancel", new CancelRequested("c", NOW, ORDER, "storefront:s", null),
            "confirm-receipt", new ReceiptConfirmed("r", NOW, ORDER, 5, null),
            "complete", new CompletionRequested("k", NOW, ORDER, "admin"),
            "return", new ReturnRequested("t", NOW, ORDER, ReturnReason.WRONG_ITEM, null, List.of(), "storefront:s"),
            "return-received", new ReturnReceived("v", NOW, ORDER, "admin"),
            "refund", new RefundIssued("f", NOW, ORDER, BigDecimal.ONE, "USD", "admin", null),
            "reship", new ReshipRequested("s", NOW, ORDER, "admin", null));

    static Stream<Arguments> everyCommandInEveryState() {
        Map<String, Map<OrderStatus, OrderStatus>> legal = Map.of(
                "cancel", Map.of(PLACED, CANCELLED, CONFIRMED, CANCELLED, DISPATCHED, CANCELLING, ACCEPTED, CANCELLING),
                "confirm-receipt", Map.of(DELIVERED, COMPLETED),
                "complete", Map.of(SHIPPED, COMPLETED, IN_TRANSIT, COMPLETED, PARTIALLY_DELIVERED, COMPLETED,
                        DELIVERED, COMPLETED),
                "return", Map.of(DELIVERED, RETURN_REQUESTED, COMPLETED, RETURN_REQUESTED),
                "return-received", Map.of(RETURN_REQUESTED, RETURNED),
                "refund", Map.of(RETURN_REQUESTED, REFUNDED, RETURNED, REFUNDED, EXCEPTION, REFUNDED),
                "reship", Map.of(RETURN_REQUESTED, RESHIPPED, EXCEPTION, RESHIPPED));
        return legal.entrySet().stream().flatMap(command -> Arrays.stream(OrderStatus.values())
                .map(status -> Arguments.of(command.getKey(), status, command.getValue().getOrDefault(status, status))));
    }

    private void deliver() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(DELIVERED);
    }

    @Test
    void receiptCompletesADeliveredOrderOnly() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"),
                new ReceiptConfirmed("early", NOW, ORDER, 5, "too early"));
        assertThat(record.status()).isEqualTo(SHIPPED);
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED), new ReceiptConfirmed("r", NOW, ORDER, 4, "good mug"));
        assertThat(record.status()).isEqualTo(COMPLETED);
        assertThat(record.receipt().rating()).isEqualTo(4);
        assertThat(record.receipt().comment()).isEqualTo("good mug");
    }

    @Test
    void anAdminCompletesAShippedOrderButNotAnUnshippedOne() {
        apply(placed, allocatedTo("hanoi-crafts"), new CompletionRequested("c1", NOW, ORDER, "admin"));
        assertThat(record.status()).isEqualTo(CONFIRMED);
        apply(sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"), new CompletionRequested("c2", NOW, ORDER, "admin"));
        assertThat(record.status()).isEqualTo(COMPLETED);
        assertThat(record.history().get(record.history().size() - 1).reason()).isEqualTo("completed by admin");
    }

    @Test
    void aSupplierRejectionPutsTheOrderInException() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"),
                new SupplierRejected("rj", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", RejectionReason.ADDRESS, "no such street"));
        assertThat(record.status()).isEqualTo(EXCEPTION);
        assertThat(record.history().get(record.history().size() - 1).reason()).contains("ADDRESS").contains("no such street");
    }

    @Test
    void anEscalationToOpsPutsTheOrderInExceptionOnce() {
        apply(placed, allocatedTo("hanoi-crafts", "lyon-linen"), sent("hanoi-crafts"), sent("lyon-linen"),
                accepted("hanoi-crafts"),
                new EscalatedToOps("esc", NOW, ORDER, "d-lyon-linen", "lyon-linen", EscalatedToOps.Cause.SLA_BREACHED,
                        "ACCEPT deadline missed (due 2026-11-02T09:00:00Z)"),
                new EscalatedToOps("esc-2", NOW, ORDER, "d-lyon-linen", "lyon-linen", EscalatedToOps.Cause.SLA_BREACHED,
                        "SHIP deadline missed (due 2026-11-03T09:00:00Z)"));
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, EXCEPTION);
        assertThat(record.history().get(record.history().size() - 1).reason())
                .isEqualTo("escalated to ops: lyon-linen ACCEPT deadline missed (due 2026-11-02T09:00:00Z)");
    }

    @Test
    void aStockRefusalWithNoBackupLeftPutsTheOrderInException() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"),
                new SupplierRejected("rj", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", RejectionReason.OUT_OF_STOCK, null),
                new EscalatedToOps("esc", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts",
                        EscalatedToOps.Cause.NO_BACKUP_LEFT, "out of stock and no backup offer is left"));
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, EXCEPTION);
    }

    private static DispatchRerouted rerouted(String from, String to) {
        return new DispatchRerouted("rr-" + from, NOW, ORDER, "d-" + from, from, "d-" + to, to,
                List.of(new LineAllocation(1, "SKU-0", 1, new OfferRef(to, "B0", BigDecimal.ONE, BigDecimal.ONE, "USD",
                        3, 2), List.of())), "rejected by " + from + ": out of stock");
    }

    @Test
    void aRerouteWaitsForTheBackupInsteadOfTheSupplierThatRefused() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"), sent("shenzhen-gadgets"),
                accepted("shenzhen-gadgets"), rerouted("hanoi-crafts", "lyon-linen"), rerouted("hanoi-crafts", "lyon-linen"),
                sent("lyon-linen"));

        assertThat(record.status()).isEqualTo(DISPATCHED);
        assertThat(record.expectedSuppliers()).containsExactly("lyon-linen", "shenzhen-gadgets");
        assertThat(record.fulfilments().get("d-hanoi-crafts").status()).isEqualTo(FulfilmentStatus.REROUTED);
        assertThat(record.fulfilments().get("d-lyon-linen").status()).isEqualTo(FulfilmentStatus.SENT);

        apply(shipped("shenzhen-gadgets", "SF1"), accepted("lyon-linen"));
        assertThat(record.status()).as("shenzhen-gadgets' units are on their way, the backup's not yet")
                .isEqualTo(PARTIALLY_SHIPPED);
        apply(shipped("lyon-linen", "LY1"));
        assertThat(record.status()).isEqualTo(SHIPPED);
        assertThat(transitions).doesNotContain(EXCEPTION);
    }

    @Test
    void keepsTheCommissionCreditedForTheOrder() {
        apply(placed, new CommissionEarned("ce", NOW, ORDER, "partner-lan", "Nguyễn Thị Lan", "USD", new BigDecimal("5.00"),
                List.of(new Deduction("PIT", "Personal income tax", new BigDecimal("0.10"), null, new BigDecimal("0.50"))),
                new BigDecimal("4.50")));
        assertThat(record.commission().total()).isEqualByComparingTo("4.50");
        assertThat(record.commission().partnerName()).isEqualTo("Nguyễn Thị Lan");
        assertThat(transitions).containsExactly(PLACED);
    }
}
