package com.openfulfil.dropship.local.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The local payment provider refunds as Stripe's refund API does: once per idempotency key, failing when told. */
class PaymentProviderSimulatorTest {
    private static final String BEARER = "Bearer " + PaymentProviderSimulator.SECRET_KEY;

    @Test
    void aRefundIsMadeOncePerKeyAndWrittenDown(@TempDir Path folder) throws Exception {
        try (PaymentProviderSimulator provider = new PaymentProviderSimulator(0, folder)) {
            provider.start();
            String form = "payment_intent=pi_demoDEMO1&amount=1250&currency=usd&reason=requested_by_customer"
                    + "&metadata%5Border_id%5D=ord-1";

            HttpResponse<String> first = post(provider, BEARER, "rf_1", form);
            HttpResponse<String> again = post(provider, BEARER, "rf_1", form);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"id\":\"re_sim1\"", "\"status\":\"succeeded\"", "\"amount\":1250");
            assertThat(again.body()).as("the first answer again, no second refund").isEqualTo(first.body());
            assertThat(provider.refunds()).isEqualTo(1);
            assertThat(Files.readString(folder.resolve("rf_1.txt"))).contains("PaymentIntent: pi_demoDEMO1",
                    "Amount: 1250 usd", "Order: ord-1");
            assertThat(provider.serviceArgs()).contains("--dropship.order.refunds.provider-url=" + provider.url());
        }
    }

    @Test
    void refundsFailOrAreRefusedWhenThePaymentSaysSoAndAStrangerIsRefused(@TempDir Path folder) throws Exception {
        try (PaymentProviderSimulator provider = new PaymentProviderSimulator(0, folder)) {
            provider.start();

            HttpResponse<String> failed = post(provider, BEARER, "rf_2", "payment_intent=pi_refundFail1&amount=500&currency=usd");
            HttpResponse<String> refused = post(provider, BEARER, "rf_3", "payment_intent=pi_refundRefused1&amount=500");

            assertThat(failed.statusCode()).isEqualTo(200);
            assertThat(failed.body()).contains("\"status\":\"failed\"", "\"failure_reason\":\"expired_or_canceled_card\"");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"code\":\"charge_already_refunded\"");
            assertThat(post(provider, "Bearer sk_wrong", "rf_4", "payment_intent=pi_x&amount=500").statusCode())
                    .isEqualTo(401);
            assertThat(post(provider, BEARER, "rf_5", "payment_intent=pi_x&amount=-5").statusCode()).isEqualTo(400);
        }
    }

    /** A pending refund is reported pending for a while, then settled, as Stripe reports one paid by bank transfer. */
    @Test
    void aPendingRefundSettlesAfterItWasAskedAboutAFewTimes(@TempDir Path folder) throws Exception {
        try (PaymentProviderSimulator provider = new PaymentProviderSimulator(0, folder)) {
            provider.start();

            HttpResponse<String> made = post(provider, BEARER, "rf_6", "payment_intent=pi_refundPending1&amount=700");
            HttpResponse<String> failing = post(provider, BEARER, "rf_7", "payment_intent=pi_refundPendingFail1&amount=700");

            assertThat(made.body()).contains("\"id\":\"re_sim1\"", "\"status\":\"pending\"");
            assertThat(failing.body()).contains("\"id\":\"re_sim2\"", "\"status\":\"pending\"");
            for (int i = 0; i < PaymentProviderSimulator.PENDING_CHECKS; i++) {
                assertThat(get(provider, BEARER, "re_sim1").body()).contains("\"status\":\"pending\"");
                assertThat(get(provider, BEARER, "re_sim2").body()).contains("\"status\":\"pending\"");
            }
            assertThat(get(provider, BEARER, "re_sim1").body()).contains("\"id\":\"re_sim1\"", "\"status\":\"succeeded\"");
            assertThat(get(provider, BEARER, "re_sim2").body()).contains("\"status\":\"failed\"",
                    "\"failure_reason\":\"insufficient_funds\"");
            assertThat(get(provider, BEARER, "re_sim1").body()).as("settled stays settled")
                    .contains("\"status\":\"succeeded\"");
            assertThat(Files.readString(folder.resolve("rf_6.txt"))).contains("Refund: re_sim1 (pending)",
                    "succeeded");
            assertThat(get(provider, BEARER, "re_unknown").statusCode()).isEqualTo(404);
            assertThat(get(provider, "Bearer sk_wrong", "re_sim1").statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(PaymentProviderSimulator provider, String auth, String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.url() + "/v1/refunds/" + id))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PaymentProviderSimulator provider, String auth, String key, String form)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.url() + "/v1/refunds"))
                .header("Authorization", auth).header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
