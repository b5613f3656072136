package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.RefundApproved;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.order.PendingRefundFailed;
import com.openfulfil.dropship.events.order.PendingRefundReleased;
import com.openfulfil.dropship.events.order.RefundFailed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.RefundRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Refunds paid through the payment provider: asked for, approved (or refused) by the order, then succeeded,
 * pending or failed; several per order, up to what the customer paid (2 × 12.50 + 39.00 = 64.00 here).
 */
class RefundRulesTest {
    private static final String ORDER = "o-1";
    private static final String PAYMENT = PaidOrders.PAYMENT;
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration RETURN_WINDOW = Duration.ofDays(30);

    private OrderRecord record;
    private final List<StatusChange> changes = new ArrayList<>();
    private final List<OrderCommand> commands = new ArrayList<>();
    private final List<OrderEvent> news = new ArrayList<>();

    @BeforeEach
    void anOrderInException() {
        record = PaidOrders.mugsAndLampInException(ORDER, NOW);
    }

    @Test
    void aRequestedRefundIsApprovedAndListedButNothingIsRefundedUntilTheProviderAnswers() {
        apply(requested("rf_1", "20.00"));

        assertThat(changes).isEmpty();
        assertThat(record.status()).isEqualTo(OrderStatus.EXCEPTION);
        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.REQUESTED);
            assertThat(r.amount()).isEqualByComparingTo("20.00");
            assertThat(r.approvedAt()).isEqualTo(NOW);
            assertThat(r.acceptedBeforeApprovals()).isFalse();
        });
        assertThat(commands).singleElement().isEqualTo(new RefundApproved(EventIds.derived("q-rf_1", "refund-approved"),
                NOW, ORDER, "rf_1", new BigDecimal("20.00"), "USD", PAYMENT, "requested_by_customer", "admin:ops",
                "one mug broken"));
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("0");
        assertThat(OrderStateMachine.refundable(record)).as("what is being refunded is not refundable again")
                .isEqualByComparingTo("44.00");
        assertThat(lastHistory()).isEqualTo("refund rf_1 of 20.00 USD asked by admin:ops approved and sent to the"
                + " payment provider");
    }

    /** Two requests sent at the same moment both passed the API's check: the order accepts what fits. */
    @Test
    void ofTwoRequestsThatTogetherExceedWhatWasPaidTheFirstIsApprovedAndTheSecondRefused() {
        apply(requested("rf_1", "40.00"), requested("rf_2", "40.00"));

        assertThat(commands).as("only the accepted refund is sent to be paid").singleElement()
                .isInstanceOfSatisfying(RefundApproved.class, a -> {
                    assertThat(a.refundId()).isEqualTo("rf_1");
                    assertThat(a.amount()).isEqualByComparingTo("40.00");
                });
        assertThat(record.afterSales().refunds()).extracting(Refund::refundId, Refund::status)
                .containsExactly(tuple("rf_1", RefundStatus.REQUESTED),
                        tuple("rf_2", RefundStatus.REFUSED));
        Refund refused = record.afterSales().refund("rf_2").orElseThrow();
        assertThat(refused.failure()).isEqualTo("only 24.00 USD is left to refund of the order's 64.00 (refunded or"
                + " being refunded: 40.00)");
        assertThat(refused.approvedAt()).isNull();
        assertThat(lastHistory()).isEqualTo("refund rf_2 of 40.00 USD asked by admin:ops refused: only 24.00 USD is"
                + " left to refund of the order's 64.00 (refunded or being refunded: 40.00)");
        assertThat(changes).isEmpty();
        assertThat(OrderStateMachine.refundable(record)).as("a refused request holds nothing back")
                .isEqualByComparingTo("24.00");

        apply(new RefundFailed("f-rf_2", NOW, ORDER, "rf_2", new BigDecimal("40.00"), "USD", null, "no such refund"));
        assertThat(record.afterSales().refund("rf_2")).get().extracting(Refund::status).as("refused, not failed")
                .isEqualTo(RefundStatus.REFUSED);
    }

    @Test
    void aRequestSeenAgainIsNeitherApprovedNorRefusedAgain() {
        apply(requested("rf_1", "40.00"), requested("rf_2", "40.00"));
        OrderRecord decided = record;
        commands.clear();

        apply(requested("rf_1", "40.00"), requested("rf_2", "40.00"));

        assertThat(commands).isEmpty();
        assertThat(record).isEqualTo(decided);
    }

    @Test
    void aRequestTheOrdersStatusTakesNoRefundForIsRefused() {
        record = record.moveTo(OrderStatus.RESHIPPED, NOW, "reshipped");

        apply(requested("rf_1", "20.00"));

        assertThat(commands).isEmpty();
        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.REFUSED);
            assertThat(r.failure()).isEqualTo("the order is RESHIPPED, which takes no refund");
        });
    }

    /** An older connector paid every request it read: money that moved is recorded, refused or not. */
    @Test
    void aRefusedRequestThatWasPaidAfterAllIsRecordedAsPaid() {
        apply(requested("rf_1", "64.00"), requested("rf_2", "10.00"), succeeded("rf_2", "10.00", "re_2"));

        assertThat(record.afterSales().refund("rf_2")).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(r.providerRefundId()).isEqualTo("re_2");
        });
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("10.00");
    }

    @Test
    void aSucceededRefundMovesTheOrderOnceHoweverOftenItsOutcomeArrives() {
        apply(requested("rf_1", "20.00"), succeeded("rf_1", "20.00", "re_1"), succeeded("rf_1", "20.00", "re_1"));

        assertThat(changes).extracting(StatusChange::to).containsExactly(OrderStatus.REFUNDED);
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("20.00");
        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(r.providerRefundId()).isEqualTo("re_1");
        });
        assertThat(OrderStateMachine.refundable(record)).isEqualByComparingTo("44.00");
    }

    @Test
    void partialRefundsAddUpToWhatWasPaidAndEachMovesTheOrder() {
        apply(requested("rf_1", "20.00"), succeeded("rf_1", "20.00", "re_1"),
                requested("rf_2", "44.00"), new RefundIssued("i-rf_2", NOW, ORDER, new BigDecimal("44.00"), "USD",
                        "admin:ops", null, "rf_2", "re_2", "pending"));

        assertThat(changes).extracting(StatusChange::to).containsExactly(OrderStatus.REFUNDED, OrderStatus.REFUNDED);
        assertThat(changes.get(1).from()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(record.afterSales().refundedTotal()).as("a pending refund counts as paid back")
                .isEqualByComparingTo("64.00");
        assertThat(record.afterSales().latestRefunded()).get().extracting(Refund::refundId).isEqualTo("rf_2");
        assertThat(record.afterSales().refunds()).extracting(Refund::status)
                .containsExactly(RefundStatus.SUCCEEDED, RefundStatus.PENDING);
        assertThat(OrderStateMachine.refundable(record)).isEqualByComparingTo("0");
        assertThat(OrderAction.allowed(record, true, NOW, RETURN_WINDOW)).as("nothing is left to refund")
                .doesNotContain(OrderAction.REFUND);
    }

    @Test
    void aRefundedOrderWithMoneyLeftOffersAnotherRefund() {
        apply(requested("rf_1", "20.00"), succeeded("rf_1", "20.00", "re_1"));

        assertThat(record.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(OrderAction.allowed(record, true, NOW, RETURN_WINDOW)).containsExactly(OrderAction.REFUND);
    }

    @Test
    void aFailedRefundSaysWhyAndRefundsNothing() {
        apply(requested("rf_1", "20.00"), new RefundFailed("f-rf_1", NOW, ORDER, "rf_1", new BigDecimal("20.00"), "USD",
                "re_9", "charge_disputed: the charge is disputed"));

        assertThat(changes).isEmpty();
        assertThat(record.status()).isEqualTo(OrderStatus.EXCEPTION);
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("0");
        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.FAILED);
            assertThat(r.failure()).isEqualTo("charge_disputed: the charge is disputed");
            assertThat(r.providerRefundId()).isEqualTo("re_9");
        });
        assertThat(lastHistory()).isEqualTo("refund rf_1 of 20.00 USD failed: charge_disputed: the charge is disputed");
        assertThat(OrderStateMachine.refundable(record)).as("a failed refund frees its amount")
                .isEqualByComparingTo("64.00");

        apply(succeeded("rf_1", "20.00", "re_9"));
        assertThat(record.afterSales().refundedTotal()).as("a failed refund stays failed").isEqualByComparingTo("0");
    }

    /** The provider settles a pending refund later: succeeded, it stays counted and the order does not move again. */
    @Test
    void aPendingRefundThatSucceedsIsSettledOnceWithoutMovingTheOrderAgain() {
        apply(requested("rf_1", "20.00"), pending("rf_1", "20.00", "re_1"));
        assertThat(record.afterSales().refund("rf_1")).get().extracting(Refund::status).isEqualTo(RefundStatus.PENDING);

        apply(succeeded("rf_1", "20.00", "re_1"));

        assertThat(changes).as("moved once, when the provider took the refund").extracting(StatusChange::to)
                .containsExactly(OrderStatus.REFUNDED);
        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(r.providerRefundId()).isEqualTo("re_1");
        });
        assertThat(record.afterSales().refundedTotal()).as("counted once").isEqualByComparingTo("20.00");
        assertThat(lastHistory()).isEqualTo("pending refund rf_1 of 20.00 USD succeeded (re_1)");
        OrderRecord settled = record;

        apply(succeeded("rf_1", "20.00", "re_1"), pending("rf_1", "20.00", "re_1"), new RefundFailed("f-rf_1", NOW,
                ORDER, "rf_1", new BigDecimal("20.00"), "USD", "re_1", "expired_or_canceled_card"));

        assertThat(record).as("a settled refund takes no other outcome").isEqualTo(settled);
    }

    /** A pending refund that fails was never paid back: it stops counting, once, and the order's history says why. */
    @Test
    void aPendingRefundThatFailsStopsCountingOnceAndSaysWhy() {
        apply(requested("rf_1", "20.00"), pending("rf_1", "20.00", "re_1"));
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("20.00");

        RefundFailed failed = new RefundFailed("f-rf_1", NOW, ORDER, "rf_1", new BigDecimal("20.00"), "USD", "re_1",
                "expired_or_canceled_card");
        apply(failed);

        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.FAILED);
            assertThat(r.failure()).isEqualTo("expired_or_canceled_card");
            assertThat(r.providerRefundId()).isEqualTo("re_1");
        });
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("0");
        assertThat(OrderStateMachine.refundable(record)).as("what it held is refundable again")
                .isEqualByComparingTo("64.00");
        assertThat(lastHistory()).isEqualTo("pending refund rf_1 of 20.00 USD failed: expired_or_canceled_card"
                + " (nothing was paid back; it is refundable again)");
        assertThat(OrderAction.allowed(record, true, NOW, RETURN_WINDOW)).contains(OrderAction.REFUND);
        OrderRecord settled = record;

        apply(failed, succeeded("rf_1", "20.00", "re_1"), pending("rf_1", "20.00", "re_1"));

        assertThat(record).as("failed once, and nothing after").isEqualTo(settled);
        assertThat(changes).extracting(StatusChange::to).containsExactly(OrderStatus.REFUNDED);
    }

    /** commission-service clawed back for the pending refund when it moved the order: the failure is news for it. */
    @Test
    void aPendingRefundThatFailsTellsTheLifecycleWhichRefundItWasOnce() {
        apply(requested("rf_1", "20.00"), pending("rf_1", "20.00", "re_1"));
        RefundFailed failed = new RefundFailed("f-rf_1", NOW, ORDER, "rf_1", new BigDecimal("20.00"), "USD", "re_1",
                "insufficient_funds");

        apply(failed, failed);

        assertThat(news).singleElement().isEqualTo(new PendingRefundFailed(
                EventIds.derived("f-rf_1", "pending-refund-failed"), NOW, ORDER, "rf_1", new BigDecimal("20.00"), "USD",
                "insufficient_funds", record.details().source()));
    }

    @Test
    void aRefundRefusedOutrightOrSucceededAfterPendingIsNoNewsForTheLifecycle() {
        apply(requested("rf_1", "20.00"), new RefundFailed("f-rf_1", NOW, ORDER, "rf_1", new BigDecimal("20.00"),
                "USD", null, "charge_already_refunded"));
        apply(requested("rf_2", "20.00"), pending("rf_2", "20.00", "re_2"), succeeded("rf_2", "20.00", "re_2"));

        assertThat(news).isEmpty();
    }

    /**
     * Still pending after the longest the connector waits: the refund stays pending and counted (nothing can pay
     * it twice), and the order's history says so, once.
     */
    @Test
    void aPendingRefundNoLongerFollowedStaysCountedAndTheHistorySaysSoOnce() {
        apply(requested("rf_1", "20.00"), pending("rf_1", "20.00", "re_1"));
        PendingRefundReleased released = new PendingRefundReleased("r-rf_1", NOW, ORDER, "rf_1",
                new BigDecimal("20.00"), "USD", "re_1", "still pending at the payment provider after 7 days");

        apply(released);

        assertThat(record.afterSales().refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.PENDING);
            assertThat(r.releasedAt()).isEqualTo(NOW);
        });
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("20.00");
        assertThat(OrderStateMachine.refundable(record)).isEqualByComparingTo("44.00");
        assertThat(lastHistory()).isEqualTo("pending refund rf_1 of 20.00 USD still pending at the payment provider"
                + " after 7 days: no longer followed, it still counts as paid back; check re_1 in the provider's"
                + " dashboard");
        OrderRecord once = record;

        apply(released);
        assertThat(record).isEqualTo(once);
        apply(requested("rf_2", "10.00"), new PendingRefundReleased("r-rf_2", NOW, ORDER, "rf_2",
                new BigDecimal("10.00"), "USD", null, "still pending"));
        assertThat(record.afterSales().refund("rf_2")).get().extracting(Refund::releasedAt)
                .as("only a pending refund is released").isNull();
    }

    @Test
    void aPendingRefundSeenAgainChangesNothing() {
        apply(requested("rf_1", "20.00"), pending("rf_1", "20.00", "re_1"));
        OrderRecord pending = record;

        apply(pending("rf_1", "20.00", "re_1"));

        assertThat(record).isEqualTo(pending);
    }

    @Test
    void anOfflineRefundIsRecordedAtOnceAndSaysSo() {
        apply(new RefundIssued("i-1", NOW, ORDER, new BigDecimal("64.00"), "USD", "admin:ops", "cash", "rf_1", null, null));

        assertThat(changes).extracting(StatusChange::to).containsExactly(OrderStatus.REFUNDED);
        assertThat(changes.get(0).reason()).contains("offline");
        assertThat(record.afterSales().refunds()).singleElement().extracting(Refund::status)
                .isEqualTo(RefundStatus.OFFLINE);
    }

    /** Two offline refunds recorded at the same moment both passed the API's check: the order takes what fits. */
    @Test
    void ofTwoOfflineRefundsThatTogetherExceedWhatWasPaidTheSecondIsRefused() {
        apply(new RefundIssued("i-1", NOW, ORDER, new BigDecimal("40.00"), "USD", "admin:ops", "cash", "rf_1", null, null),
                new RefundIssued("i-2", NOW, ORDER, new BigDecimal("40.00"), "USD", "admin:ana", "cash", "rf_2", null, null));

        assertThat(record.afterSales().refunds()).extracting(Refund::refundId, Refund::status)
                .containsExactly(tuple("rf_1", RefundStatus.OFFLINE), tuple("rf_2", RefundStatus.REFUSED));
        assertThat(record.afterSales().refund("rf_2").orElseThrow().failure()).isEqualTo("only 24.00 USD is left to"
                + " refund of the order's 64.00 (refunded or being refunded: 40.00)");
        assertThat(record.afterSales().refundedTotal()).isEqualByComparingTo("40.00");
        assertThat(changes).extracting(StatusChange::to).containsExactly(OrderStatus.REFUNDED);
        assertThat(lastHistory()).startsWith("offline refund rf_2 of 40.00 USD by admin:ana refused: only 24.00 USD");

        apply(new RefundIssued("i-2", NOW, ORDER, new BigDecimal("40.00"), "USD", "admin:ana", "cash", "rf_2", null, null));
        assertThat(record.afterSales().refund("rf_2")).get().extracting(Refund::status).as("decided once")
                .isEqualTo(RefundStatus.REFUSED);
    }

    @Test
    void anOfflineRefundWhereNoneIsAllowedIsIgnoredButAPaidOneIsAlwaysRecorded() {
        record = record.moveTo(OrderStatus.RESHIPPED, NOW, "reshipped");
        apply(new RefundIssued("i-1", NOW, ORDER, new BigDecimal("10.00"), "USD", "admin:ops", null));
        assertThat(record.afterSalesOrNone().refunds()).isEmpty();

        apply(requested("rf_1", "20.00"), succeeded("rf_1", "20.00", "re_1"));
        assertThat(changes).as("the order stays reshipped").isEmpty();
        assertThat(record.afterSales().refundedTotal()).as("the money has moved").isEqualByComparingTo("20.00");
        assertThat(lastHistory()).startsWith("refunded 20.00 USD");
    }

    private static RefundRequested requested(String refundId, String amount) {
        return new RefundRequested("q-" + refundId, NOW, ORDER, refundId, new BigDecimal(amount), "USD", PAYMENT,
                "requested_by_customer", "admin:ops", "one mug broken");
    }

    private static RefundIssued succeeded(String refundId, String amount, String providerId) {
        return new RefundIssued("i-" + refundId, NOW, ORDER, new BigDecimal(amount), "USD", "admin:ops", null, refundId,
                providerId, "succeeded");
    }

    private static RefundIssued pending(String refundId, String amount, String providerId) {
        return new RefundIssued("p-" + refundId, NOW, ORDER, new BigDecimal(amount), "USD", "admin:ops", null, refundId,
                providerId, "pending");
    }

    private void apply(Event... events) {
        for (Event event : events) {
            Outcome outcome = OrderStateMachine.apply(record, ORDER, event, NOW);
            record = outcome.record();
            changes.addAll(outcome.changes());
            commands.addAll(outcome.commands());
            news.addAll(outcome.news());
        }
    }

    private String lastHistory() {
        return record.history().get(record.history().size() - 1).reason();
    }
}
