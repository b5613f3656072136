package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.gateway.Allocations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderDispatchesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final PackingInstructions PACKING = new PackingInstructions(true, "Acme Home", "Thanks");
    private static final Set<String> KNOWN = Set.of("hanoi-crafts", "shenzhen-gadgets", "lyon-linen");
    private static final String HANOI = "hanoi-crafts";
    private static final Routing ROUTING = new Routing(KNOWN, PACKING);

    private final StockAllocated allocated = Allocations.twoSuppliers("o-1");
    private final String hanoiDispatch = DispatchPlan.dispatchId("o-1", HANOI);

    @Test
    void anAllocationRequestsAndReportsOneDispatchPerSupplier() {
        Decision decision = OrderDispatches.allocate(allocated, KNOWN, PACKING, NOW);

        List<DispatchRequested> requests = only(decision.events(), DispatchRequested.class);
        assertThat(requests).extracting(DispatchRequested::supplierId).containsExactly(HANOI, "shenzhen-gadgets");
        DispatchRequested hanoi = requests.get(0);
        assertThat(hanoi.dispatchId()).isEqualTo(hanoiDispatch);
        assertThat(hanoi.items()).extracting(i -> i.sku()).containsExactly("MUG-001", "TOWEL-020");
        assertThat(hanoi.shipTo()).isEqualTo(allocated.order().shipTo());
        assertThat(hanoi.contact()).isEqualTo(allocated.order().customer());
        assertThat(hanoi.priority()).isEqualTo(allocated.order().priority());
        assertThat(hanoi.requests()).isEqualTo(allocated.order().requests());
        assertThat(hanoi.packing()).isEqualTo(PACKING);
        assertThat(hanoi.occurredAt()).isEqualTo(NOW);
        assertThat(only(decision.events(), DispatchSent.class))
                .extracting(DispatchSent::dispatchId).containsExactly(hanoiDispatch,
                        DispatchPlan.dispatchId("o-1", "shenzhen-gadgets"));
        assertThat(decision.state().dispatches()).hasSize(2);
    }

    @Test
    void outputIdsAreDerivedFromTheInputSoAReplayProducesTheSameIds() {
        List<String> first = ids(OrderDispatches.allocate(allocated, KNOWN, PACKING, NOW).events());
        List<String> again = ids(OrderDispatches.allocate(allocated, KNOWN, PACKING, NOW.plusSeconds(60)).events());

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void anAllocationToASupplierNotConfiguredHereSendsNothingAndRemembersWhy() {
        StockAllocated toStranger = Allocations.anAllocation("o-2")
                .line("MUG-001", 1, HANOI, "HN-MUG-001", "4.20")
                .line("LAMP-010", 1, "berlin-bits", "BB-1", "9.00").build();

        Decision decision = OrderDispatches.allocate(toStranger, KNOWN, PACKING, NOW);

        assertThat(decision.events()).isEmpty();
        assertThat(decision.state().dispatches()).isEmpty();
        assertThat(decision.state().unroutedSuppliers()).containsExactly("berlin-bits");
    }

    @Test
    void acceptanceOfASentDispatchIsNormalisedAndARepeatIsIgnored() {
        OrderDispatches sent = allocatedState();

        Decision accepted = sent.apply(accept("u-1"), ROUTING, NOW);
        Decision repeated = accepted.state().apply(accept("u-2"), ROUTING, NOW);

        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(SupplierAccepted.class, e -> {
            assertThat(e.dispatchId()).isEqualTo(hanoiDispatch);
            assertThat(e.supplierId()).isEqualTo(HANOI);
            assertThat(e.orderId()).isEqualTo("o-1");
        });
        assertThat(status(accepted.state())).isEqualTo(DispatchStatus.ACCEPTED);
        assertThat(repeated.changed()).isFalse();
        assertThat(repeated.events()).isEmpty();
    }

    @Test
    void aShipmentReportsOnlyTrackingNumbersNotSeenBefore() {
        OrderDispatches accepted = allocatedState().apply(accept("u-1"), ROUTING, NOW).state();

        Decision firstParcel = accepted.apply(ship("u-2", "VN1"), ROUTING, NOW);
        Decision resent = firstParcel.state().apply(ship("u-3", "VN1"), ROUTING, NOW);
        Decision secondParcel = firstParcel.state().apply(ship("u-4", "VN1", "VN2"), ROUTING, NOW);

        assertThat(only(firstParcel.events(), ParcelsShipped.class)).singleElement()
                .satisfies(p -> assertThat(p.trackingNumbers()).containsExactly("VN1"))
                .satisfies(p -> assertThat(p.carrier()).isEqualTo("VNPOST"));
        assertThat(resent.changed()).isFalse();
        assertThat(only(secondParcel.events(), ParcelsShipped.class)).singleElement()
                .satisfies(p -> assertThat(p.trackingNumbers()).containsExactly("VN2"));
        assertThat(secondParcel.state().dispatches().get(0).trackingNumbers()).containsExactly("VN1", "VN2");
    }

    @Test
    void aSupplierMayShipWithoutAcceptingFirstButALateAcceptanceIsIgnored() {
        OrderDispatches shipped = allocatedState().apply(ship("u-1", "VN1"), ROUTING, NOW).state();

        assertThat(status(shipped)).isEqualTo(DispatchStatus.SHIPPED);
        assertThat(shipped.apply(accept("u-2"), ROUTING, NOW).changed()).isFalse();
    }

    @Test
    void aRejectionIsNormalisedWithItsReasonButNotAfterShipment() {
        DispatchRejected rejection = new DispatchRejected("u-1", NOW, "o-1", hanoiDispatch, HANOI,
                RejectionReason.OUT_OF_STOCK, "count was wrong");

        Decision rejected = allocatedState().apply(rejection, ROUTING, NOW);
        Decision afterShipping = allocatedState().apply(ship("u-2", "VN1"), ROUTING, NOW).state().apply(rejection, ROUTING, NOW);

        assertThat(rejected.events()).first().isInstanceOfSatisfying(SupplierRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
            assertThat(e.detail()).isEqualTo("count was wrong");
        });
        assertThat(rejected.events()).as("no backup offer: ops are alerted").last()
                .isInstanceOfSatisfying(EscalatedToOps.class, e -> {
                    assertThat(e.cause()).isEqualTo(EscalatedToOps.Cause.NO_BACKUP_LEFT);
                    assertThat(e.dispatchId()).isEqualTo(hanoiDispatch);
                });
        assertThat(rejected.state().apply(ship("u-3", "VN1"), ROUTING, NOW).changed()).isFalse();
        assertThat(afterShipping.changed()).isFalse();
    }

    @Test
    void answersForAnUnknownDispatchOrFromAnotherSupplierAreIgnored() {
        OrderDispatches sent = allocatedState();

        Decision unknown = sent.apply(new DispatchAccepted("u-1", NOW, "o-1", "no-such-dispatch", HANOI), ROUTING, NOW);
        Decision impostor = sent.apply(new DispatchAccepted("u-2", NOW, "o-1", hanoiDispatch, "shenzhen-gadgets"), ROUTING, NOW);

        assertThat(unknown.ignoredBecause()).contains("unknown dispatch");
        assertThat(impostor.ignoredBecause()).contains("dispatch belongs to another supplier");
        assertThat(unknown.state()).isEqualTo(sent);
        assertThat(impostor.state()).isEqualTo(sent);
    }

    @Test
    void aCancellationAnswerCountsOnceAndOnlyWhenWeAsked() {
        CancellationAccepted answer = new CancellationAccepted("u-1", NOW, "o-1", hanoiDispatch, HANOI);
        assertThat(allocatedState().apply(answer, ROUTING, NOW).changed()).as("nobody asked").isFalse();

        Decision asked = allocatedState().cancel("cancelling-1", NOW);
        assertThat(asked.state().dispatches()).allSatisfy(d ->
                assertThat(d.cancellation()).isEqualTo(CancellationState.REQUESTED));

        Decision answered = asked.state().apply(answer, ROUTING, NOW);
        assertThat(answered.events()).singleElement().isInstanceOf(DispatchCancelled.class);
        assertThat(answered.state().dispatches().get(0).cancellation()).isEqualTo(CancellationState.ACCEPTED);
        assertThat(answered.state().apply(answer, ROUTING, NOW).changed()).as("a replayed answer").isFalse();
        assertThat(answered.state().cancel("cancelling-1", NOW).changed()).as("asked once").isFalse();
    }

    @Test
    void aReturnIsAuthorisedAtEachSupplierThatShippedForTheUnitsItShippedToItsAddress() {
        OrderDispatches state = allocatedState();
        DispatchShipped mugsOnly = new DispatchShipped("ship-1", NOW, "o-1", hanoiDispatch, HANOI, "VNPOST",
                List.of("VN1"), List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, null, 2)))));
        OrderDispatches shipped = state.apply(mugsOnly, ROUTING, NOW).state();
        Address hanoiReturns = new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN");
        ReturnTerms terms = new ReturnTerms("Hanoi Crafts returns", hanoiReturns, Map.of("USD", new BigDecimal("6.50")));

        Decision damaged = shipped.authoriseReturns(ReturnReason.DAMAGED, s -> s.equals(HANOI) ? terms : ReturnTerms.NONE,
                NOW);

        assertThat(only(damaged.events(), ReturnAuthorised.class)).as("shenzhen-gadgets has shipped nothing")
                .singleElement().satisfies(a -> {
                    assertThat(a.supplierId()).isEqualTo(HANOI);
                    assertThat(a.dispatchId()).isEqualTo(hanoiDispatch);
                    assertThat(a.rmaId()).isEqualTo(ReturnAuthorised.rmaId("o-1", HANOI)).matches("RMA-[0-9A-F]{10}");
                    assertThat(a.items()).extracting(ParcelItem::lineNo, ParcelItem::sku, ParcelItem::quantity)
                            .containsExactly(tuple(1, "MUG-001", 2));
                    assertThat(a.returnTo()).isEqualTo("Hanoi Crafts returns");
                    assertThat(a.returnAddress()).isEqualTo(hanoiReturns);
                    assertThat(a.paidBy()).isEqualTo(ReturnPayer.SUPPLIER);
                    assertThat(a.shippingCharge()).isEqualByComparingTo("6.50");
                    assertThat(a.currency()).isEqualTo("USD");
                });
        assertThat(ids(shipped.authoriseReturns(ReturnReason.DAMAGED, s -> terms, NOW.plusSeconds(60)).events()))
                .as("a replay authorises the same return").isEqualTo(ids(damaged.events()));
    }

    @Test
    void theCustomerPaysTheReturnOfAChangeOfMindAndTheSupplierIsChargedNothing() {
        OrderDispatches shipped = allocatedState().apply(ship("ship-1", "VN1"), ROUTING, NOW).state();
        ReturnTerms terms = new ReturnTerms("Hanoi Crafts", null, Map.of("USD", new BigDecimal("6.50")));

        Decision changedMind = shipped.authoriseReturns(ReturnReason.CHANGED_MIND, s -> terms, NOW);

        assertThat(only(changedMind.events(), ReturnAuthorised.class)).singleElement().satisfies(a -> {
            assertThat(a.paidBy()).isEqualTo(ReturnPayer.CUSTOMER);
            assertThat(a.shippingCharge()).isNull();
            assertThat(a.returnAddress()).as("none on file yet").isNull();
            assertThat(a.items()).extracting(ParcelItem::sku, ParcelItem::quantity)
                    .containsExactly(tuple("MUG-001", 2), tuple("TOWEL-020", 3));
        });
        assertThat(allocatedState().authoriseReturns(ReturnReason.DAMAGED, s -> terms, NOW).changed())
                .as("nothing shipped, nothing to send back").isFalse();
    }

    private OrderDispatches allocatedState() {
        return OrderDispatches.allocate(allocated, KNOWN, PACKING, NOW).state();
    }

    private SupplierUpdate accept(String eventId) {
        return new DispatchAccepted(eventId, NOW, "o-1", hanoiDispatch, HANOI);
    }

    private SupplierUpdate ship(String eventId, String... trackingNumbers) {
        return new DispatchShipped(eventId, NOW, "o-1", hanoiDispatch, HANOI, "VNPOST", List.of(trackingNumbers));
    }

    private DispatchStatus status(OrderDispatches state) {
        return state.dispatches().stream().filter(d -> d.dispatchId().equals(hanoiDispatch)).findFirst()
                .orElseThrow().status();
    }

    private static <T extends Event> List<T> only(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::eventId).toList();
    }
}
