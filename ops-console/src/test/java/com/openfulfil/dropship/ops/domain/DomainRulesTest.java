package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {
    private static final Instant T0 = OrderFixtures.T0;

    @Test
    void throughputIsTheGrowthOfTheEndOffsetsPerSecond() {
        Throughput first = Throughput.first(100, T0);
        assertThat(first.perSecond()).isZero();
        assertThat(first.next(150, T0.plusSeconds(2)).perSecond()).isEqualTo(25.0);
        assertThat(first.next(10, T0.plusSeconds(2)).perSecond()).as("a recreated topic").isZero();
        assertThat(first.next(150, T0).perSecond()).as("the same instant").isZero();
    }

    @Test
    void anOrderIsOverdueOnlyPastTheDeadlineOfItsCurrentStatus() {
        Deadlines deadlines = new Deadlines(Map.of(OrderStatus.DISPATCHED, Duration.ofHours(24)));
        OrderTrack dispatched = OrderTrack.first(new OrderStatusChanged("e1", T0, "o1", OrderStatus.CONFIRMED,
                OrderStatus.DISPATCHED, "sent", OrderFixtures.anOrder().withOrderId("o1").details()));
        assertThat(deadlines.isOverdue(dispatched, T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(deadlines.isOverdue(dispatched, T0.plus(Duration.ofHours(25)))).isTrue();

        OrderTrack completed = dispatched.after(new OrderStatusChanged("e2", T0, "o1", OrderStatus.DISPATCHED,
                OrderStatus.COMPLETED, "done", OrderFixtures.anOrder().withOrderId("o1").details()));
        assertThat(deadlines.isOverdue(completed, T0.plus(Duration.ofDays(400)))).as("no deadline").isFalse();
    }

    @Test
    void aPartlyShippedOrderShowsEachLinesUnitsUntilItIsNoLongerPartial() {
        OrderTrack dispatched = OrderTrack.first(new OrderStatusChanged("e1", T0, "o1", OrderStatus.CONFIRMED,
                OrderStatus.DISPATCHED, "sent", OrderFixtures.anOrder().withOrderId("o1").details()));
        assertThat(dispatched.unitsByLine()).isEmpty();

        OrderTrack partly = dispatched.after(new OrderStatusChanged("e2", T0, "o1", OrderStatus.DISPATCHED,
                OrderStatus.PARTIALLY_SHIPPED, "partially shipped: 2 of 3 units with a carrier", null, null, null,
                null, List.of(new LineUnits(1, "MUG-001", 2, 2, 0), new LineUnits(2, "LAMP-010", 1, 0, 0))));
        assertThat(partly.unitsByLine()).containsExactly("MUG-001: 2 ordered, 2 shipped, 0 delivered",
                "LAMP-010: 1 ordered, 0 shipped, 0 delivered");

        OrderTrack shipped = partly.after(new OrderStatusChanged("e3", T0, "o1", OrderStatus.PARTIALLY_SHIPPED,
                OrderStatus.SHIPPED, "shipped", null));
        assertThat(shipped.unitsByLine()).as("every unit has shipped").isEmpty();

        OrderTrack returned = shipped.after(new OrderStatusChanged("e4", T0, "o1", OrderStatus.DELIVERED,
                OrderStatus.RETURNED, "return received", null, null, null, null,
                List.of(new LineUnits(1, "MUG-001", 2, 2, 2, 2, 0), new LineUnits(2, "LAMP-010", 1, 1, 1, 1, 0))));
        assertThat(returned.unitsByLine()).as("nothing is on its way any more").isEmpty();
    }
}
