package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionState;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.CommissionPaidOut;
import com.openfulfil.dropship.events.partner.CommissionReversed;
import com.openfulfil.dropship.events.partner.PayoutRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.openfulfil.dropship.commission.stream.CommissionHarness.commission;
import static com.openfulfil.dropship.commission.stream.CommissionHarness.ledger;
import static com.openfulfil.dropship.commission.stream.CommissionHarness.usdOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** Clawback after a refund and settlement by payout batches, on the same wiring as the binder. */
class ClawbackAndPayoutTopologyTest {
    private final TopologyHarness harness = CommissionHarness.withDemoPolicy();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aPartialRefundAfterReturnClawsBackInProportionOnce() {
        // customer paid 2 × 15.00 = 30.00; commission 4.07; refund 15.00 → 4.07 × 15 / 30 = 2.035 → 2.04
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-1", OrderStatus.DELIVERED, OrderStatus.COMPLETED, usdOrder("o-1"), null));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e2", "o-1", OrderStatus.COMPLETED, OrderStatus.RETURN_REQUESTED, usdOrder("o-1"), null));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e3", "o-1", OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED, usdOrder("o-1"), null));
        OrderStatusChanged refunded = transition("e4", "o-1", OrderStatus.RETURNED, OrderStatus.REFUNDED, usdOrder("o-1"),
                new BigDecimal("15.00"));
        harness.pipe(Topics.ORDERS_LIFECYCLE, refunded);
        harness.pipe(Topics.ORDERS_LIFECYCLE, refunded);

        List<Event> ledger = ledger(harness);
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0)).isInstanceOf(CommissionEarned.class);
        CommissionReversed reversed = (CommissionReversed) ledger.get(1);
        assertThat(reversed.amount()).isEqualTo(new BigDecimal("2.04"));
        assertThat(reversed.remaining()).isEqualTo(new BigDecimal("2.03"));
        assertThat(reversed.refundAmount()).isEqualTo(new BigDecimal("15.00"));
        assertThat(reversed.partnerId()).isEqualTo("partner-lan");

        Commission stored = commission(harness, "o-1");
        assertThat(stored.total()).isEqualTo(new BigDecimal("4.07"));
        assertThat(stored.net()).isEqualTo(new BigDecimal("2.03"));
        assertThat(stored.state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.AVAILABLE);
    }

    @Test
    void eachPartialRefundClawsBackItsShareOnceAndTogetherNoMoreThanTheCommission() {
        // customer paid 30.00; commission 4.07: 10.00 → 1.36, 5.00 → 0.68, then the last 15.00 → 2.04 of the 2.03 left
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-6", OrderStatus.DELIVERED, OrderStatus.COMPLETED, usdOrder("o-6"), null));
        OrderStatusChanged first = transition("e2", "o-6", OrderStatus.RETURNED, OrderStatus.REFUNDED, usdOrder("o-6"),
                new BigDecimal("10.00"));
        harness.pipe(Topics.ORDERS_LIFECYCLE, first);
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e3", "o-6", OrderStatus.REFUNDED, OrderStatus.REFUNDED,
                usdOrder("o-6"), new BigDecimal("5.00")));
        harness.pipe(Topics.ORDERS_LIFECYCLE, first);
        assertThat(commission(harness, "o-6").net()).isEqualTo(new BigDecimal("2.03"));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e4", "o-6", OrderStatus.REFUNDED, OrderStatus.REFUNDED,
                usdOrder("o-6"), new BigDecimal("15.00")));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e5", "o-6", OrderStatus.REFUNDED, OrderStatus.REFUNDED,
                usdOrder("o-6"), new BigDecimal("1.00")));

        List<CommissionReversed> reversals = harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionReversed.class);
        assertThat(reversals).as("one per refund; a repeat and a refund with nothing left to take add none")
                .extracting(CommissionReversed::refundAmount, CommissionReversed::amount, CommissionReversed::remaining)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("10.00"), new BigDecimal("1.36"), new BigDecimal("2.71")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("5.00"), new BigDecimal("0.68"), new BigDecimal("2.03")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("15.00"), new BigDecimal("2.03"), new BigDecimal("0.00")));
        assertThat(reversals).extracting(CommissionReversed::eventId).doesNotHaveDuplicates();
        assertThat(commission(harness, "o-6").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.REVERSED);
    }

    @Test
    void aFullRefundReversesEverythingInVnd() {
        // gross 150 000, PIT 15 000, platform 11 750, total 123 250: all of it back on a full refund
        OrderDetails order = OrderFixtures.anOrder().withOrderId("o-2").withPartner("partner-lan", "Lan")
                .withCurrency("VND").withLine("AO-DAI", 2, "250000", "325000").details();
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-2", OrderStatus.DELIVERED, OrderStatus.COMPLETED, order, null));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e2", "o-2", OrderStatus.RETURNED, OrderStatus.REFUNDED, order,
                new BigDecimal("650000")));

        CommissionReversed reversed = harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionReversed.class).get(0);
        assertThat(reversed.amount()).isEqualTo(new BigDecimal("123250"));
        assertThat(reversed.remaining()).isEqualTo(new BigDecimal("0"));
        assertThat(commission(harness, "o-2").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.REVERSED);
    }

    @Test
    void aRefundWithoutACommissionReversesNothing() {
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-3", OrderStatus.EXCEPTION, OrderStatus.REFUNDED,
                usdOrder("o-3"), new BigDecimal("30.00")));

        assertThat(harness.read(Topics.COMMISSIONS_LEDGER)).isEmpty();
    }

    @Test
    void aPayoutSettlesAnOrderOnceWhateverIsResent() {
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-4", OrderStatus.DELIVERED, OrderStatus.COMPLETED, usdOrder("o-4"), null));
        PayoutRequested pay = new PayoutRequested("p-1", Instant.EPOCH, "o-4", "partner-lan", "batch-1");
        harness.pipe(Topics.PAYOUT_REQUESTS, pay);
        harness.pipe(Topics.PAYOUT_REQUESTS, pay);
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-2", Instant.EPOCH, "o-4", "partner-lan", "batch-2"));

        List<CommissionPaidOut> paid = harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionPaidOut.class);
        assertThat(paid).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(new BigDecimal("4.07"));
            assertThat(p.batchId()).isEqualTo("batch-1");
        });
        assertThat(commission(harness, "o-4").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.PAID);
    }

    @Test
    void aClawbackOfAPaidOrderIsRecoveredByTheNextPayout() {
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e1", "o-5", OrderStatus.DELIVERED, OrderStatus.COMPLETED, usdOrder("o-5"), null));
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-1", Instant.EPOCH, "o-5", "partner-lan", "batch-1"));
        harness.pipe(Topics.ORDERS_LIFECYCLE, transition("e2", "o-5", OrderStatus.RETURNED, OrderStatus.REFUNDED,
                usdOrder("o-5"), new BigDecimal("30.00")));
        assertThat(commission(harness, "o-5").due()).isEqualTo(new BigDecimal("-4.07"));

        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-2", Instant.EPOCH, "o-5", "partner-lan", "batch-2"));

        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionPaidOut.class))
                .extracting(CommissionPaidOut::batchId, CommissionPaidOut::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("batch-1", new BigDecimal("4.07")),
                        org.assertj.core.groups.Tuple.tuple("batch-2", new BigDecimal("-4.07")));
        assertThat(commission(harness, "o-5").due()).isZero();
        assertThat(commission(harness, "o-5").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.REVERSED);
    }

    @Test
    void aPayoutForAnOrderWithoutCommissionPaysNothing() {
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-1", Instant.EPOCH, "o-unknown", "partner-lan", "batch-1"));

        assertThat(harness.read(Topics.COMMISSIONS_LEDGER)).isEmpty();
    }

    private static OrderStatusChanged transition(String eventId, String orderId, OrderStatus from, OrderStatus to,
                                                 OrderDetails order, BigDecimal refund) {
        return new OrderStatusChanged(eventId, Instant.EPOCH, orderId, from, to, "test", order, refund);
    }
}
