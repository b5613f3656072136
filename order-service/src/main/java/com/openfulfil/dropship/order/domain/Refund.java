package com.openfulfil.dropship.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One refund of an order: its own id (the payment provider's idempotency key), how much, where it
 * stands, the provider's id for it and, when it failed, why.
 */
public record Refund(String refundId, BigDecimal amount, String currency, RefundStatus status,
                     String providerRefundId, String failure, String by, String note, Instant requestedAt,
                     Instant settledAt) {

    static Refund requested(String refundId, BigDecimal amount, String currency, String by, String note, Instant at) {
        return new Refund(refundId, amount, currency, RefundStatus.REQUESTED, null, null, by, note, at, null);
    }

    Refund settled(RefundStatus outcome, String providerId, String why, Instant at) {
        return new Refund(refundId, amount, currency, outcome, providerId, why, by, note, requestedAt, at);
    }
}
