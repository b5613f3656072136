package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.LineQuantity;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Refunds that name the units they pay back (2 mugs at 12.50 on line 1, a lamp at 39.00 on line 2): the order
 * keeps each refund's units, and counts them as refunded while the refund counts as paid back.
 */
class RefundedUnitsTest {
    private static final String ORDER = "o-1";
    private static final String PAYMENT = PaidOrders.PAYMENT;
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    private OrderRecord record;
    private final List<OrderCommand> commands = new ArrayList<>();

    @BeforeEach
    void anOrderInException() {
        record = PaidOrders.mugsAndLampInException(ORDER, NOW);
    }

    @Test
    void aRefundsUnitsGoToItsApprovalAndCountOnlyOnceItIsPaidBack() {
        apply(requested("rf_1", "12.50", new LineQuantity(1, 1)));

        assertThat(commands).singleElement().isInstanceOfSatisfying(RefundApproved.class,
                a -> assertThat(a.lines()).containsExactly(new LineQuantity(1, 1)));
        assertThat(record.afterSales().refund("rf_1")).get().extracting(Refund::lines).asList()
                .containsExactly(new LineQuantity(1, 1));
        assertThat(refunded()).as("asked of the provider, not paid yet").containsExactly(0, 0);

        apply(succeeded("rf_1", "12.50"));

        assertThat(refunded()).containsExactly(1, 0);
        assertThat(record.afterSales().refundedUnits()).containsExactly(Map.entry(1, 1));
    }

    @Test
    void pendingAndOfflineRefundsCountTheirUnitsAndAPendingOneThatFailsNoLonger() {
        apply(requested("rf_1", "12.50", new LineQuantity(1, 1)),
                new RefundIssued("p-rf_1", NOW, ORDER, new BigDecimal("12.50"), "USD", "admin:ops", null, "rf_1",
                        "re_1", "pending"),
                new RefundIssued("i-rf_2", NOW, ORDER, new BigDecimal("39.00"), "USD", "admin:ops", "cash", "rf_2",
                        null, null, List.of(new LineQuantity(2, 1))));

        assertThat(record.afterSales().refunds()).extracting(Refund::refundId, Refund::status)
                .containsExactly(tuple("rf_1", RefundStatus.PENDING), tuple("rf_2", RefundStatus.OFFLINE));
        assertThat(refunded()).containsExactly(1, 1);

        apply(new RefundFailed("f-rf_1", NOW, ORDER, "rf_1", new BigDecimal("12.50"), "USD", "re_1",
                "insufficient_funds"));

        assertThat(refunded()).as("the failed refund's mug is no longer refunded").containsExactly(0, 1);
    }

    @Test
    void aRefundThatNamesNoLinesCountsNoUnits() {
        apply(new RefundRequested("q-rf_1", NOW, ORDER, "rf_1", new BigDecimal("64.00"), "USD", PAYMENT, null,
                "admin:ops", null), succeeded("rf_1", "64.00"));

        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("64.00");
        assertThat(refunded()).containsExactly(0, 0);
    }

    @Test
    void aRequestForMoreUnitsThanAreLeftIsRefusedAndCountsNone() {
        apply(requested("rf_1", "25.00", new LineQuantity(1, 2)), requested("rf_2", "12.50", new LineQuantity(1, 1)));

        assertThat(record.afterSales().refunds()).extracting(Refund::refundId, Refund::status)
                .containsExactly(tuple("rf_1", RefundStatus.REQUESTED), tuple("rf_2", RefundStatus.REFUSED));
        assertThat(record.afterSales().refund("rf_2").orElseThrow().failure()).isEqualTo("line 1: 1 unit(s) is more"
                + " than the 0 unit(s) of line 1 left to refund (2 ordered, 2 refunded or being refunded)");
        assertThat(commands).as("only the first is sent to be paid").hasSize(1);

        apply(succeeded("rf_1", "25.00"));
        assertThat(refunded()).containsExactly(2, 0);
    }

    @Test
    void aRefusedRefundsUnitsDoNotCount() {
        apply(requested("rf_1", "70.00", new LineQuantity(2, 1)));

        assertThat(record.afterSales().refund("rf_1")).get().extracting(Refund::status)
                .isEqualTo(RefundStatus.REFUSED);
        assertThat(refunded()).containsExactly(0, 0);
        assertThat(OrderStateMachine.unrefundableUnits(record, List.of(new LineQuantity(2, 1)))).isEmpty();
    }

    @Test
    void unitsNamingNoLineOfTheOrderALineTwiceOrMoreThanItHasAreEachNamed() {
        List<OrderStateMachine.UnitsProblem> problems = OrderStateMachine.unrefundableUnits(record,
                List.of(new LineQuantity(3, 1), new LineQuantity(1, 1), new LineQuantity(1, 1),
                        new LineQuantity(2, 2)));

        assertThat(problems).extracting(OrderStateMachine.UnitsProblem::index, OrderStateMachine.UnitsProblem::field)
                .containsExactly(tuple(0, "lineNo"), tuple(2, "lineNo"), tuple(3, "quantity"));
        assertThat(problems.get(2).why()).isEqualTo("is more than the 1 unit(s) of line 2 left to refund (1 ordered,"
                + " 0 refunded or being refunded)");
    }

    @Test
    void theUnitsASaleValueIsCountedFrom() {
        assertThat(OrderStateMachine.saleValue(record, List.of(new LineQuantity(1, 2), new LineQuantity(2, 1))))
                .isEqualByComparingTo("64.00");
    }

    private List<Integer> refunded() {
        return record.units().stream().map(LineUnits::refunded).toList();
    }

    private static RefundRequested requested(String refundId, String amount, LineQuantity... lines) {
        return new RefundRequested("q-" + refundId, NOW, ORDER, refundId, new BigDecimal(amount), "USD", PAYMENT,
                "requested_by_customer", "admin:ops", null, List.of(lines));
    }

    private static RefundIssued succeeded(String refundId, String amount) {
        return new RefundIssued("i-" + refundId, NOW, ORDER, new BigDecimal(amount), "USD", "admin:ops", null, refundId,
                "re_" + refundId, "succeeded");
    }

    private void apply(Event... events) {
        for (Event event : events) {
            Outcome outcome = OrderStateMachine.apply(record, ORDER, event, NOW);
            record = outcome.record();
            commands.addAll(outcome.commands());
        }
    }
}
