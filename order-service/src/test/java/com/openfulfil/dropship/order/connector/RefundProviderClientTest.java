package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.events.order.RefundApproved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider client against a real HTTP stand-in: what it sends, and how it reads each kind of answer. */
class RefundProviderClientTest {
    private final RefundProviderStandIn provider = new RefundProviderStandIn();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void sendsStripesRefundFormWithTheRefundIdAsIdempotencyKey() {
        ProviderRefund answer = client(RefundProviderStandIn.SECRET_KEY).refund(request("pi_ok", "12.50", "USD"));

        assertThat(answer.id()).startsWith("re_");
        assertThat(answer).isEqualTo(new ProviderRefund(answer.id(), ProviderRefund.SUCCEEDED, null));
        RefundProviderStandIn.Call call = provider.callsFor("pi_ok").get(0);
        assertThat(call.idempotencyKey()).isEqualTo("rf_pi_ok");
        assertThat(call.authorization()).isEqualTo("Bearer " + RefundProviderStandIn.SECRET_KEY);
        assertThat(call.form()).containsEntry("amount", "1250").containsEntry("currency", "usd")
                .containsEntry("reason", "requested_by_customer").containsEntry("metadata[order_id]", "ord-1")
                .containsEntry("metadata[refund_id]", "rf_pi_ok");
    }

    @Test
    void aCurrencyWithoutMinorUnitsIsSentWhole() {
        client(RefundProviderStandIn.SECRET_KEY).refund(request("pi_jpy", "1500", "JPY"));
        assertThat(provider.callsFor("pi_jpy").get(0).form()).containsEntry("amount", "1500");
    }

    @Test
    void aFailedOrRefusedRefundIsAnAnswerNotARetry() {
        provider.fail("pi_failed");
        provider.refuse("pi_refused", "charge_already_refunded");

        assertThat(client(RefundProviderStandIn.SECRET_KEY).refund(request("pi_failed", "5.00", "USD")))
                .satisfies(a -> {
                    assertThat(a.failed()).isTrue();
                    assertThat(a.id()).startsWith("re_");
                    assertThat(a.failure()).isEqualTo("expired_or_canceled_card");
                });
        assertThat(client(RefundProviderStandIn.SECRET_KEY).refund(request("pi_refused", "5.00", "USD")))
                .isEqualTo(ProviderRefund.refused("charge_already_refunded: Refused by the stand-in."));
    }

    @Test
    void noAnswerAndAWrongKeyAreToBeAskedAgain() {
        provider.loseFirstAnswerFor("pi_lost");
        RefundProviderClient client = client(RefundProviderStandIn.SECRET_KEY);

        assertThatThrownBy(() -> client.refund(request("pi_lost", "5.00", "USD")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("500");
        assertThat(client.refund(request("pi_lost", "5.00", "USD")).status()).isEqualTo(ProviderRefund.SUCCEEDED);
        assertThat(provider.refundsMadeFor("pi_lost")).as("the same key, one refund").isEqualTo(1);

        assertThatThrownBy(() -> client("sk_wrong").refund(request("pi_key", "5.00", "USD")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("401")
                .hasMessageNotContaining("sk_wrong");
    }

    /** A pending refund is asked about by its provider id, with the same key, until the provider settles it. */
    @Test
    void aPendingRefundIsAskedAboutUntilItSettles() {
        provider.pendThenSettle("pi_slow", 1, false);
        RefundProviderClient client = client(RefundProviderStandIn.SECRET_KEY);

        ProviderRefund made = client.refund(request("pi_slow", "5.00", "USD"));

        assertThat(made.status()).isEqualTo(ProviderRefund.PENDING);
        assertThat(client.status(made.id())).isEqualTo(new ProviderRefund(made.id(), ProviderRefund.PENDING, null));
        assertThat(client.status(made.id())).isEqualTo(new ProviderRefund(made.id(), ProviderRefund.FAILED,
                "insufficient_funds"));
        assertThat(provider.checksFor("pi_slow")).isEqualTo(2);
        assertThat(client.status("re_unknown")).as("the provider has no such refund: an answer, not a retry")
                .isEqualTo(new ProviderRefund("re_unknown", ProviderRefund.UNKNOWN, "No such refund: 're_unknown'"));
        assertThatThrownBy(() -> client("sk_wrong").status(made.id()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("401");
    }

    @Test
    void theSecretKeyStaysOutOfTheSettingsDescription() {
        assertThat(properties("sk_live_very_secret").toString()).doesNotContain("sk_live_very_secret");
    }

    private RefundProviderClient client(String secretKey) {
        return new RefundProviderClient(properties(secretKey));
    }

    private RefundProperties properties(String secretKey) {
        return new RefundProperties(URI.create(provider.url()), secretKey, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ofDays(7));
    }

    private static RefundApproved request(String payment, String amount, String currency) {
        return new RefundApproved("a-1", Instant.parse("2026-11-02T10:00:00Z"), "ord-1", "rf_" + payment,
                new BigDecimal(amount),
                currency, payment, "requested_by_customer", "admin:ops", null);
    }
}
