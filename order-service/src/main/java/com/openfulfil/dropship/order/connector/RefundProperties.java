package com.openfulfil.dropship.order.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The payment provider refunds are paid through: an API shaped like Stripe's ({@code POST /v1/refunds}).
 * Without a provider URL and secret key, refunds are recorded offline.
 *
 * @param providerUrl    the provider's base URL, e.g. {@code https://api.stripe.com} (DROPSHIP_ORDER_REFUNDS_PROVIDER_URL)
 * @param secretKey      the provider's secret API key, sent as a bearer token; a secret, never logged
 *                       (DROPSHIP_ORDER_REFUNDS_SECRET_KEY)
 * @param connectTimeout how long to wait for the provider to accept a connection
 * @param requestTimeout how long to wait for its answer; a refund whose answer did not come is asked again
 *                       with the same idempotency key
 * @param restartInitial the wait before the connector reads its refunds again once the provider stayed
 *                       unreachable through every retry; it doubles with each such failure in a row
 * @param restartMax     the longest of those waits: a refund is never given up for the provider being down
 * @param pendingCheckInitial the wait before the provider is first asked how a refund it answered
 *                       {@code pending} stands ({@code GET /v1/refunds/{id}}); it doubles after each check that
 *                       finds it still pending (or gets no answer)
 * @param pendingCheckMax the longest of those waits
 * @param pendingUnknownAfter how many checks in a row the provider may answer that it has no such refund ({@code 404},
 *                       or the error code {@code resource_missing}) before the refund is settled failed, as
 *                       unknown to the provider (DROPSHIP_ORDER_REFUNDS_PENDING_UNKNOWN_AFTER)
 * @param pendingGiveUpAfter how long after its pending answer a refund the provider still reports pending is followed;
 *                       after that it is no longer followed and stays pending, counted as paid back, for ops to look
 *                       up in the provider's dashboard (DROPSHIP_ORDER_REFUNDS_PENDING_GIVE_UP_AFTER)
 */
@ConfigurationProperties("dropship.order.refunds")
public record RefundProperties(URI providerUrl, String secretKey, @DefaultValue("5s") Duration connectTimeout,
                               @DefaultValue("30s") Duration requestTimeout,
                               @DefaultValue("5s") Duration restartInitial,
                               @DefaultValue("5m") Duration restartMax,
                               @DefaultValue("1m") Duration pendingCheckInitial,
                               @DefaultValue("1h") Duration pendingCheckMax,
                               @DefaultValue("3") int pendingUnknownAfter,
                               @DefaultValue("7d") Duration pendingGiveUpAfter) {

    public RefundProperties {
        if (pendingUnknownAfter < 1) {
            throw new IllegalArgumentException("dropship.order.refunds.pending-unknown-after must be at least 1, not "
                    + pendingUnknownAfter);
        }
        if (pendingGiveUpAfter == null || pendingGiveUpAfter.isNegative() || pendingGiveUpAfter.isZero()) {
            throw new IllegalArgumentException("dropship.order.refunds.pending-give-up-after must be a positive"
                    + " duration, not " + pendingGiveUpAfter);
        }
    }

    /** Whether refunds go to the provider; otherwise they are recorded offline. */
    public boolean enabled() {
        return providerUrl != null && !providerUrl.toString().isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /** The secret key stays out of logs and error messages. */
    @Override
    public String toString() {
        return "RefundProperties[providerUrl=" + providerUrl + ", secretKey=" + (secretKey == null ? "unset" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", pendingCheckInitial="
                + pendingCheckInitial + ", pendingCheckMax=" + pendingCheckMax + ", pendingUnknownAfter="
                + pendingUnknownAfter + ", pendingGiveUpAfter=" + pendingGiveUpAfter + "]";
    }
}
