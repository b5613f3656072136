package com.openfulfil.dropship.order.webhook;

import java.time.Instant;

/**
 * How delivering one storefront's webhooks is going, as seen by this instance of order-service.
 *
 * @param delivered        status changes delivered since this instance started
 * @param lastDeliveredAt  when the last one was accepted by the storefront
 * @param lastFailedAt     when the last attempt failed
 * @param lastError        why it failed: the HTTP status the storefront answered or the connection error
 * @param waiting          status changes (one per partition of {@code orders.lifecycle}) waiting for a retry
 * @param nextAttemptAt    when the next retry is due, if any is waiting
 * @param restarts         how often this instance's delivery loop failed (a broker error, a commit refused
 *                         in a rebalance) and was started again, each time after a longer wait
 */
public record DeliveryStatus(long delivered, Instant lastDeliveredAt, Instant lastFailedAt, String lastError,
                             int waiting, Instant nextAttemptAt, long restarts) {
    static final DeliveryStatus NONE = new DeliveryStatus(0, null, null, null, 0, null, 0);
}
