package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.ShortLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** All-or-nothing: an order is allocated only when every line holds stock, otherwise nothing stays held. */
class OrderAllocationTest {
    private static final OfferRef HANOI = new OfferRef("hanoi-crafts", "HC-1", new BigDecimal("4.20"),
            new BigDecimal("1.80"), "USD", 3, 1);
    private static final OfferRef SHENZHEN = new OfferRef("shenzhen-gadgets", "SZ-1", new BigDecimal("4.60"),
            new BigDecimal("1.50"), "USD", 2, 2);

    private final AllocationStep placed = OrderAllocation.place("o-1", OrderFixtures.anOrder().withOrderId("o-1")
            .withLine("MUG-001", 2, "12.50").withLine("LAMP-010", 1, "39.00").build().order());

    @Test
    void placingAsksForAReservationPerLine() {
        assertThat(placed.actions()).extracting(a -> ((AllocationAction.Reserve) a).line().sku())
                .containsExactly("MUG-001", "LAMP-010");
        assertThat(placed.state().decision()).isEqualTo(Decision.PENDING);
    }

    @Test
    void everyLineReservedAllocatesTheOrderWithChosenAndBackupsPerLine() {
        AllocationStep first = placed.state().reserved(1, 2, HANOI, List.of(SHENZHEN));
        AllocationStep second = first.state().reserved(2, 1, SHENZHEN, List.of());

        assertThat(first.actions()).isEmpty();
        assertThat(second.state().decision()).isEqualTo(Decision.ALLOCATED);
        AllocationAction.Allocate allocate = (AllocationAction.Allocate) second.actions().get(0);
        assertThat(allocate.lines()).hasSize(2);
        assertThat(allocate.lines().get(0).chosen()).isEqualTo(HANOI);
        assertThat(allocate.lines().get(0).backups()).containsExactly(SHENZHEN);
        assertThat(allocate.lines().get(1).chosen()).isEqualTo(SHENZHEN);
    }

    @Test
    void aShortLineRejectsTheOrderAndReleasesWhatTheOtherLinesHold() {
        AllocationStep step = placed.state().reserved(1, 2, HANOI, List.of()).state().unavailable(2, 1, 0);

        assertThat(step.state().decision()).isEqualTo(Decision.REJECTED);
        assertThat(step.actions()).hasSize(2);
        assertThat(((AllocationAction.Reject) step.actions().get(0)).shortLines())
                .containsExactly(new ShortLine(2, "LAMP-010", 1, 0));
        AllocationAction.Release release = (AllocationAction.Release) step.actions().get(1);
        assertThat(release.line().lineNo()).isEqualTo(1);
        assertThat(step.state().parts(1).get(0).status()).isEqualTo(LineStatus.RELEASED);
    }

    @Test
    void theDecisionWaitsForTheLastAnswerEvenWhenTheFirstIsShort() {
        AllocationStep shortFirst = placed.state().unavailable(1, 2, 1);

        assertThat(shortFirst.actions()).isEmpty();
        assertThat(shortFirst.state().decision()).isEqualTo(Decision.PENDING);
    }

    @Test
    void repeatedAnswersChangeNothing() {
        OrderAllocation allocated = placed.state().reserved(1, 2, HANOI, List.of()).state().reserved(2, 1, SHENZHEN, List.of()).state();

        AllocationStep again = allocated.reserved(1, 2, HANOI, List.of());
        AllocationStep lateShort = allocated.unavailable(2, 1, 0);

        assertThat(again.actions()).isEmpty();
        assertThat(again.state()).isEqualTo(allocated);
        assertThat(lateShort.state()).isEqualTo(allocated);
    }

    @Test
    void aLateReservationAfterRejectionIsReleasedOnce() {
        OrderAllocation rejected = placed.state().unavailable(1, 2, 0).state().unavailable(2, 1, 0).state();

        AllocationStep late = rejected.reserved(2, 1, SHENZHEN, List.of());
        AllocationStep lateAgain = late.state().reserved(2, 1, SHENZHEN, List.of());

        assertThat(late.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(lateAgain.actions()).isEmpty();
    }

    @Test
    void aShipmentConsumesTheLinesOfThatSupplierOnce() {
        OrderAllocation allocated = placed.state().reserved(1, 2, HANOI, List.of()).state().reserved(2, 1, SHENZHEN, List.of()).state();

        AllocationStep shipped = allocated.shipped("hanoi-crafts");
        AllocationStep shippedAgain = shipped.state().shipped("hanoi-crafts");

        assertThat(shipped.actions()).singleElement()
                .satisfies(a -> assertThat(((AllocationAction.Consume) a).line().sku()).isEqualTo("MUG-001"));
        assertThat(shippedAgain.actions()).isEmpty();
    }

    @Test
    void cancellationReleasesEveryLineNotYetConsumedOnce() {
        OrderAllocation allocated = placed.state().reserved(1, 2, HANOI, List.of()).state().reserved(2, 1, SHENZHEN, List.of()).state();
        OrderAllocation partlyShipped = allocated.shipped("hanoi-crafts").state();

        AllocationStep cancelled = partlyShipped.cancelled();

        assertThat(cancelled.actions()).singleElement()
                .satisfies(a -> assertThat(((AllocationAction.Release) a).line().sku()).isEqualTo("LAMP-010"));
        assertThat(cancelled.state().cancelled().actions()).isEmpty();
    }

    @Test
    void aCancelledOrderReleasesReservationsThatArriveAfterwardsAndIsNeverAllocated() {
        AllocationStep cancelled = placed.state().cancelled();
        AllocationStep late1 = cancelled.state().reserved(1, 2, HANOI, List.of());
        AllocationStep late2 = late1.state().reserved(2, 1, SHENZHEN, List.of());

        assertThat(cancelled.actions()).isEmpty();
        assertThat(late1.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(late2.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(late2.state().decision()).isEqualTo(Decision.CANCELLED);
    }

    /** An order of 5 mugs, which no single supplier holds, and a lamp. */
    private final OrderAllocation fiveMugs = OrderAllocation.place("o-2", OrderFixtures.anOrder().withOrderId("o-2")
            .withLine("MUG-001", 5, "12.50").withLine("LAMP-010", 1, "39.00").build().order()).state();

    private static Reservation part(int lineNo, int quantity, OfferRef at, OfferRef... backups) {
        return new Reservation("o-2", lineNo, quantity, at, List.of(backups));
    }

    private OrderAllocation mugsSplit() {
        return fiveMugs.reserved(1, List.of(part(1, 3, HANOI), part(1, 2, SHENZHEN))).state();
    }

    @Test
    void aSplitLineIsAllocatedAsOnePartPerOfferEachWithItsQuantity() {
        AllocationStep step = mugsSplit().reserved(2, 1, SHENZHEN, List.of());

        assertThat(step.state().decision()).isEqualTo(Decision.ALLOCATED);
        AllocationAction.Allocate allocate = (AllocationAction.Allocate) step.actions().get(0);
        assertThat(allocate.lines()).extracting(l -> l.lineNo() + ":" + l.sku() + ":" + l.quantity() + "@"
                        + l.chosen().supplierId())
                .containsExactly("1:MUG-001:3@hanoi-crafts", "1:MUG-001:2@shenzhen-gadgets",
                        "2:LAMP-010:1@shenzhen-gadgets");
        assertThat(step.state().split(1)).isTrue();
        assertThat(step.state().split(2)).isFalse();
    }

    @Test
    void theOrderWaitsUntilEveryPartOfASplitLineIsHeld() {
        AllocationStep lamp = fiveMugs.reserved(2, 1, SHENZHEN, List.of());
        AllocationStep firstPart = lamp.state().reserved(1, 3, HANOI, List.of());
        AllocationStep firstPartAgain = firstPart.state().reserved(1, 3, HANOI, List.of());
        AllocationStep secondPart = firstPartAgain.state().reserved(1, 2, SHENZHEN, List.of());

        assertThat(firstPart.actions()).isEmpty();
        assertThat(firstPart.state().parts(1)).extracting(l -> l.status() + ":" + l.quantity())
                .containsExactly("RESERVED:3", "ASKED:2");
        assertThat(firstPartAgain.state()).as("a repeated part holds nothing twice").isEqualTo(firstPart.state());
        assertThat(secondPart.state().decision()).isEqualTo(Decision.ALLOCATED);
        assertThat(secondPart.state().parts(1)).extracting(l -> l.quantity() + "@" + l.chosen().supplierId())
                .containsExactly("3@hanoi-crafts", "2@shenzhen-gadgets");
    }

    @Test
    void aShortLineRejectsTheOrderAndReleasesEveryPartOfASplitLine() {
        AllocationStep step = mugsSplit().unavailable(2, 1, 0);

        assertThat(step.state().decision()).isEqualTo(Decision.REJECTED);
        assertThat(step.actions()).first().isInstanceOf(AllocationAction.Reject.class);
        assertThat(step.actions().subList(1, step.actions().size()))
                .extracting(a -> ((AllocationAction.Release) a).line())
                .extracting(l -> l.quantity() + "@" + l.chosen().supplierId())
                .containsExactly("3@hanoi-crafts", "2@shenzhen-gadgets");
        assertThat(step.state().parts(1)).allSatisfy(l -> assertThat(l.status()).isEqualTo(LineStatus.RELEASED));
    }

    @Test
    void partsArrivingAfterTheOrderWasCancelledAreEachReleasedOnce() {
        OrderAllocation cancelled = fiveMugs.cancelled().state();

        AllocationStep first = cancelled.reserved(1, 3, HANOI, List.of());
        AllocationStep firstAgain = first.state().reserved(1, 3, HANOI, List.of());
        AllocationStep second = firstAgain.state().reserved(1, 2, SHENZHEN, List.of());

        assertThat(first.actions()).singleElement().satisfies(a ->
                assertThat(((AllocationAction.Release) a).line().quantity()).isEqualTo(3));
        assertThat(firstAgain.actions()).isEmpty();
        assertThat(second.actions()).singleElement().satisfies(a -> {
            AllocationLine released = ((AllocationAction.Release) a).line();
            assertThat(released.quantity()).isEqualTo(2);
            assertThat(released.chosen()).isEqualTo(SHENZHEN);
        });
        assertThat(second.state().decision()).isEqualTo(Decision.CANCELLED);
    }

    @Test
    void eachPartOfASplitLineIsConsumedWhenItsOwnSupplierShipsAndACancellationReleasesTheRest() {
        OrderAllocation allocated = mugsSplit().reserved(2, 1, SHENZHEN, List.of()).state();

        AllocationStep hanoiShipped = allocated.shipped("hanoi-crafts");
        AllocationStep cancelled = hanoiShipped.state().cancelled();

        assertThat(hanoiShipped.actions()).singleElement().satisfies(a -> {
            AllocationLine consumed = ((AllocationAction.Consume) a).line();
            assertThat(consumed.lineNo()).isEqualTo(1);
            assertThat(consumed.quantity()).isEqualTo(3);
        });
        assertThat(cancelled.actions()).extracting(a -> ((AllocationAction.Release) a).line())
                .extracting(l -> l.lineNo() + ":" + l.quantity() + "@" + l.chosen().supplierId())
                .containsExactly("1:2@shenzhen-gadgets", "2:1@shenzhen-gadgets");
        assertThat(cancelled.state().parts(1)).extracting(AllocationLine::status)
                .containsExactly(LineStatus.CONSUMED, LineStatus.RELEASED);
    }

    @Test
    void reroutingOnePartOfASplitLineMovesThatPartAlone() {
        OfferRef lyon = new OfferRef("lyon-linen", "LL-1", new BigDecimal("5.00"), new BigDecimal("1.00"), "USD", 2, 3);
        OrderAllocation allocated = mugsSplit().reserved(2, 1, SHENZHEN, List.of()).state();

        AllocationStep rerouted = allocated.rerouted("shenzhen-gadgets",
                List.of(new LineAllocation(1, "MUG-001", 2, lyon, List.of())));
        AllocationStep heldThere = rerouted.state().reserved(1, 2, lyon, List.of());

        assertThat(rerouted.actions()).hasSize(2);
        AllocationAction.Release release = (AllocationAction.Release) rerouted.actions().get(0);
        assertThat(release.line().quantity() + "@" + release.line().chosen().supplierId()).isEqualTo("2@shenzhen-gadgets");
        AllocationAction.Reserve reserve = (AllocationAction.Reserve) rerouted.actions().get(1);
        assertThat(reserve.onlySupplier()).isEqualTo("lyon-linen");
        assertThat(reserve.line().quantity()).isEqualTo(2);
        assertThat(heldThere.state().parts(1)).extracting(l -> l.status() + ":" + l.quantity() + "@"
                        + l.chosen().supplierId())
                .containsExactly("RESERVED:3@hanoi-crafts", "RESERVED:2@lyon-linen");
        assertThat(heldThere.state().parts(2)).as("the lamp stays where it is").extracting(l -> l.chosen().supplierId())
                .containsExactly("shenzhen-gadgets");
    }
}
