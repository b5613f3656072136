package com.openfulfil.dropship.commission.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final PayoutPolicy POLICY = new PayoutPolicy(Duration.ofDays(14),
            Map.of("USD", new BigDecimal("10.00"), "vnd", new BigDecimal("200000")));

    @Test
    void commissionIsPendingInsideTheReturnWindowAndAvailableAfter() {
        Commission c = earned("o-1", "partner-a", "USD", "4.07", T0);

        assertThat(POLICY.stateOf(c, T0.plus(Duration.ofDays(13)))).isEqualTo(CommissionState.PENDING);
        assertThat(POLICY.stateOf(c, T0.plus(Duration.ofDays(14)))).isEqualTo(CommissionState.AVAILABLE);
        assertThat(POLICY.stateOf(c.settle("b-1", T0), T0.plus(Duration.ofDays(14)))).isEqualTo(CommissionState.PAID);
    }

    @Test
    void aBatchPaysEachPartnerAndCurrencyThatReachesTheMinimum() {
        Instant later = T0.plus(Duration.ofDays(20));
        List<Commission> all = List.of(
                earned("o-1", "partner-a", "USD", "6.00", T0),
                earned("o-2", "partner-a", "USD", "4.00", T0),
                earned("o-3", "partner-a", "USD", "50.00", later),       // still pending
                earned("o-4", "partner-b", "USD", "9.99", T0),           // below the minimum
                earned("o-5", "partner-b", "VND", "200000", T0),
                earned("o-6", "partner-c", "USD", "20.00", T0).settle("b-0", T0)); // already paid

        List<PayoutLine> plan = POLICY.plan(all, later);

        assertThat(plan).extracting(PayoutLine::partnerId, PayoutLine::currency, PayoutLine::amount, PayoutLine::orderIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("partner-a", "USD", new BigDecimal("10.00"), List.of("o-1", "o-2")),
                        org.assertj.core.groups.Tuple.tuple("partner-b", "VND", new BigDecimal("200000"), List.of("o-5")));
    }

    @Test
    void aClawbackStillOwedIsNettedFromThePayout() {
        Instant later = T0.plus(Duration.ofDays(20));
        Commission paidThenRefunded = earned("o-1", "partner-a", "USD", "4.00", T0).settle("b-0", T0)
                .reverse("refund-1", new BigDecimal("4.00"), T0);
        List<Commission> all = List.of(paidThenRefunded, earned("o-2", "partner-a", "USD", "15.00", T0));

        assertThat(POLICY.plan(all, later)).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("11.00"));
            assertThat(line.orderIds()).containsExactly("o-1", "o-2");
        });
        assertThat(POLICY.plan(List.of(paidThenRefunded), later)).as("nothing to pay, only owed").isEmpty();
    }

    @Test
    void balancesSumEachPartnersOrdersPerCurrency() {
        Instant now = T0.plus(Duration.ofDays(15));
        List<Commission> all = List.of(
                earned("o-1", "partner-a", "USD", "6.00", T0),
                earned("o-2", "partner-a", "USD", "4.00", now),
                earned("o-3", "partner-a", "USD", "3.00", T0).settle("b-0", T0),
                earned("o-4", "partner-a", "USD", "2.00", T0).reverse("refund-1", new BigDecimal("2.00"), T0),
                earned("o-5", "partner-a", "VND", "5000", T0));

        List<Balance> balances = POLICY.balances(all, now);

        assertThat(balances).extracting(Balance::currency).containsExactly("USD", "VND");
        Balance usd = balances.get(0);
        assertThat(usd.pending()).isEqualTo(new BigDecimal("4.00"));
        assertThat(usd.available()).isEqualTo(new BigDecimal("6.00"));
        assertThat(usd.paid()).isEqualTo(new BigDecimal("3.00"));
        assertThat(usd.reversed()).isEqualTo(new BigDecimal("2.00"));
        assertThat(usd.orders()).isEqualTo(4);
        assertThat(balances.get(1).available()).isEqualTo(new BigDecimal("5000"));
    }

    @Test
    void theMinimumIsLookedUpWhateverTheCaseOfTheCurrency() {
        assertThat(POLICY.minimumIn("VND")).isEqualTo(new BigDecimal("200000"));
        assertThat(POLICY.minimumIn("eur")).isEqualTo(BigDecimal.ZERO);
    }

    private static Commission earned(String orderId, String partnerId, String currency, String total, Instant at) {
        BigDecimal amount = new BigDecimal(total);
        return Commission.earned(orderId, partnerId, partnerId, new Breakdown(currency, amount, List.of(), amount), at);
    }
}
