package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.commission.domain.CommissionState;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.partner.CommissionPaidOut;
import com.openfulfil.dropship.events.partner.CommissionRestored;
import com.openfulfil.dropship.events.partner.CommissionReversed;
import com.openfulfil.dropship.events.partner.PayoutRequested;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.assertj.core.groups.Tuple;
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

/**
 * A refund the payment provider answered {@code pending} is clawed back at once (it moved the order to REFUNDED);
 * when the provider later reports it failed, the order says so on {@code orders.lifecycle} and the partner gets
 * back exactly what was clawed back for it, once. The customer paid 2 × 15.00 = 30.00; the commission is 4.07.
 */
class FailedPendingRefundTopologyTest {
    private final TopologyHarness harness = CommissionHarness.withDemoPolicy();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aPendingRefundClawedBackThenFailedGivesThePartnerBackWhatItTook() {
        completed("o-1");
        refunded("e2", "o-1", "rf_bank", "15.00");
        assertThat(commission(harness, "o-1").net()).isEqualTo(new BigDecimal("2.03"));

        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-1", "rf_bank", "15.00"));

        CommissionRestored restored = harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionRestored.class).get(0);
        assertThat(restored.refundId()).isEqualTo("rf_bank");
        assertThat(restored.amount()).isEqualTo(new BigDecimal("2.04"));
        assertThat(restored.remaining()).isEqualTo(new BigDecimal("4.07"));
        assertThat(restored.partnerId()).isEqualTo("partner-lan");
        Commission stored = commission(harness, "o-1");
        assertThat(stored.net()).isEqualTo(new BigDecimal("4.07"));
        assertThat(stored.reversed()).isZero();
        assertThat(stored.state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.AVAILABLE);
    }

    @Test
    void aFailureReplayedGivesBackOnce() {
        completed("o-2");
        refunded("e2", "o-2", "rf_bank", "30.00");
        assertThat(commission(harness, "o-2").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.REVERSED);
        PendingRefundFailed failure = failed("f1", "o-2", "rf_bank", "30.00");

        harness.pipe(Topics.ORDERS_LIFECYCLE, failure);
        harness.pipe(Topics.ORDERS_LIFECYCLE, failure);
        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1-again", "o-2", "rf_bank", "30.00"));
        // the refund's own move, replayed after it was given back, claws back nothing again
        refunded("e2", "o-2", "rf_bank", "30.00");

        List<Event> ledger = ledger(harness);
        assertThat(ledger).filteredOn(CommissionRestored.class::isInstance).singleElement()
                .extracting(e -> ((CommissionRestored) e).amount()).isEqualTo(new BigDecimal("4.07"));
        assertThat(ledger).filteredOn(CommissionReversed.class::isInstance).hasSize(1);
        assertThat(commission(harness, "o-2").net()).isEqualTo(new BigDecimal("4.07"));
        assertThat(commission(harness, "o-2").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.AVAILABLE);
    }

    /** The provider paid it: the order writes no failure, and the clawback it took stands. */
    @Test
    void aPendingRefundThatSucceedsKeepsItsClawback() {
        completed("o-3");
        refunded("e2", "o-3", "rf_ok", "15.00");
        // a failure of another refund of the order (one that took nothing) gives nothing back
        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-3", "rf_other", "5.00"));

        assertThat(ledger(harness)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CommissionEarned", "CommissionReversed");
        assertThat(commission(harness, "o-3").net()).isEqualTo(new BigDecimal("2.03"));
    }

    @Test
    void aLaterRefundOfTheSameOrderClawsBackAgain() {
        completed("o-4");
        refunded("e2", "o-4", "rf_bank", "15.00");
        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-4", "rf_bank", "15.00"));

        refunded("e3", "o-4", "rf_card", "15.00");

        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionReversed.class))
                .extracting(CommissionReversed::amount, CommissionReversed::remaining)
                .containsExactly(Tuple.tuple(new BigDecimal("2.04"), new BigDecimal("2.03")),
                        Tuple.tuple(new BigDecimal("2.04"), new BigDecimal("2.03")));
        assertThat(commission(harness, "o-4").net()).isEqualTo(new BigDecimal("2.03"));
        // and a failure of the first one, written again, still gives nothing more
        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-4", "rf_bank", "15.00"));
        assertThat(commission(harness, "o-4").net()).isEqualTo(new BigDecimal("2.03"));
    }

    /**
     * Paid out, then clawed back for a pending refund, the partner owes it; the next batch took it back. The refund
     * failing gives it back, and the batch after pays it again, as any commission due.
     */
    @Test
    void aClawbackAlreadyRecoveredFromAPaidOrderIsPaidAgainByTheNextBatch() {
        completed("o-5");
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-1", Instant.EPOCH, "o-5", "partner-lan", "batch-1"));
        refunded("e2", "o-5", "rf_bank", "30.00");
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-2", Instant.EPOCH, "o-5", "partner-lan", "batch-2"));
        assertThat(commission(harness, "o-5").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.REVERSED);

        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-5", "rf_bank", "30.00"));
        assertThat(commission(harness, "o-5").due()).isEqualTo(new BigDecimal("4.07"));
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-3", Instant.EPOCH, "o-5", "partner-lan", "batch-3"));

        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionPaidOut.class))
                .extracting(CommissionPaidOut::batchId, CommissionPaidOut::amount)
                .containsExactly(Tuple.tuple("batch-1", new BigDecimal("4.07")),
                        Tuple.tuple("batch-2", new BigDecimal("-4.07")),
                        Tuple.tuple("batch-3", new BigDecimal("4.07")));
        assertThat(commission(harness, "o-5").due()).isZero();
        assertThat(commission(harness, "o-5").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.PAID);
    }

    /** Paid out, clawed back, and the refund failed before any batch took the debt: nothing moves either way. */
    @Test
    void aFailureBeforeTheDebtWasRecoveredLeavesNothingDue() {
        completed("o-6");
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-1", Instant.EPOCH, "o-6", "partner-lan", "batch-1"));
        refunded("e2", "o-6", "rf_bank", "15.00");
        assertThat(commission(harness, "o-6").due()).isEqualTo(new BigDecimal("-2.04"));

        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-6", "rf_bank", "15.00"));
        harness.pipe(Topics.PAYOUT_REQUESTS, new PayoutRequested("p-2", Instant.EPOCH, "o-6", "partner-lan", "batch-2"));

        assertThat(commission(harness, "o-6").due()).isZero();
        assertThat(commission(harness, "o-6").state(harness.now(), Duration.ZERO)).isEqualTo(CommissionState.PAID);
        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionPaidOut.class))
                .extracting(CommissionPaidOut::batchId).containsExactly("batch-1");
    }

    /** A clawback recorded from a move that named no refund cannot be told apart: it is not given back. */
    @Test
    void aClawbackForAMoveThatNamedNoRefundIsNotGivenBack() {
        completed("o-7");
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("e2", Instant.EPOCH, "o-7", OrderStatus.RETURNED,
                OrderStatus.REFUNDED, "test", usdOrder("o-7"), new BigDecimal("15.00")));

        harness.pipe(Topics.ORDERS_LIFECYCLE, failed("f1", "o-7", "rf_old", "15.00"));

        assertThat(harness.readValues(Topics.COMMISSIONS_LEDGER, CommissionRestored.class)).isEmpty();
        assertThat(commission(harness, "o-7").net()).isEqualTo(new BigDecimal("2.03"));
    }

    private void completed(String orderId) {
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("c-" + orderId, Instant.EPOCH, orderId,
                OrderStatus.DELIVERED, OrderStatus.COMPLETED, "test", usdOrder(orderId)));
    }

    private void refunded(String eventId, String orderId, String refundId, String amount) {
        OrderDetails order = usdOrder(orderId);
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged(eventId, Instant.EPOCH, orderId,
                OrderStatus.RETURNED, OrderStatus.REFUNDED, "refunded", order, new BigDecimal(amount), null,
                order.source(), null, refundId));
    }

    private static PendingRefundFailed failed(String eventId, String orderId, String refundId, String amount) {
        return new PendingRefundFailed(eventId, Instant.EPOCH, orderId, refundId, new BigDecimal(amount), "USD",
                "insufficient_funds", usdOrder(orderId).source());
    }

}
