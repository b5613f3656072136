package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
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
        AllocationStep first = placed.state().reserved(1, HANOI, List.of(SHENZHEN));
        AllocationStep second = first.state().reserved(2, SHENZHEN, List.of());

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
        AllocationStep step = placed.state().reserved(1, HANOI, List.of()).state().unavailable(2, 0);

        assertThat(step.state().decision()).isEqualTo(Decision.REJECTED);
        assertThat(step.actions()).hasSize(2);
        assertThat(((AllocationAction.Reject) step.actions().get(0)).shortLines())
                .containsExactly(new ShortLine(2, "LAMP-010", 1, 0));
        AllocationAction.Release release = (AllocationAction.Release) step.actions().get(1);
        assertThat(release.line().lineNo()).isEqualTo(1);
        assertThat(step.state().line(1).orElseThrow().status()).isEqualTo(LineStatus.RELEASED);
    }

    @Test
    void theDecisionWaitsForTheLastAnswerEvenWhenTheFirstIsShort() {
        AllocationStep shortFirst = placed.state().unavailable(1, 1);

        assertThat(shortFirst.actions()).isEmpty();
        assertThat(shortFirst.state().decision()).isEqualTo(Decision.PENDING);
    }

    @Test
    void repeatedAnswersChangeNothing() {
        OrderAllocation allocated = placed.state().reserved(1, HANOI, List.of()).state().reserved(2, SHENZHEN, List.of()).state();

        AllocationStep again = allocated.reserved(1, HANOI, List.of());
        AllocationStep lateShort = allocated.unavailable(2, 0);

        assertThat(again.actions()).isEmpty();
        assertThat(again.state()).isEqualTo(allocated);
        assertThat(lateShort.state()).isEqualTo(allocated);
    }

    @Test
    void aLateReservationAfterRejectionIsReleasedOnce() {
        OrderAllocation rejected = placed.state().unavailable(1, 0).state().unavailable(2, 0).state();

        AllocationStep late = rejected.reserved(2, SHENZHEN, List.of());
        AllocationStep lateAgain = late.state().reserved(2, SHENZHEN, List.of());

        assertThat(late.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(lateAgain.actions()).isEmpty();
    }

    @Test
    void aShipmentConsumesTheLinesOfThatSupplierOnce() {
        OrderAllocation allocated = placed.state().reserved(1, HANOI, List.of()).state().reserved(2, SHENZHEN, List.of()).state();

        AllocationStep shipped = allocated.shipped("hanoi-crafts");
        AllocationStep shippedAgain = shipped.state().shipped("hanoi-crafts");

        assertThat(shipped.actions()).singleElement()
                .satisfies(a -> assertThat(((AllocationAction.Consume) a).line().sku()).isEqualTo("MUG-001"));
        assertThat(shippedAgain.actions()).isEmpty();
    }

    @Test
    void cancellationReleasesEveryLineNotYetConsumedOnce() {
        OrderAllocation allocated = placed.state().reserved(1, HANOI, List.of()).state().reserved(2, SHENZHEN, List.of()).state();
        OrderAllocation partlyShipped = allocated.shipped("hanoi-crafts").state();

        AllocationStep cancelled = partlyShipped.cancelled();

        assertThat(cancelled.actions()).singleElement()
                .satisfies(a -> assertThat(((AllocationAction.Release) a).line().sku()).isEqualTo("LAMP-010"));
        assertThat(cancelled.state().cancelled().actions()).isEmpty();
    }

    @Test
    void aCancelledOrderReleasesReservationsThatArriveAfterwardsAndIsNeverAllocated() {
        AllocationStep cancelled = placed.state().cancelled();
        AllocationStep late1 = cancelled.state().reserved(1, HANOI, List.of());
        AllocationStep late2 = late1.state().reserved(2, SHENZHEN, List.of());

        assertThat(cancelled.actions()).isEmpty();
        assertThat(late1.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(late2.actions()).singleElement().isInstanceOf(AllocationAction.Release.class);
        assertThat(late2.state().decision()).isEqualTo(Decision.CANCELLED);
    }
}
