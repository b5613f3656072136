package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer was refunded {@code amount} (all or part of what they paid).
 *
 * @param refundId         the refund's own id (also the payment provider's idempotency key); absent on refunds
 *                         recorded before refunds had ids
 * @param providerRefundId the payment provider's id of the refund (Stripe {@code re_...}); absent when the
 *                         refund was made offline, outside the provider
 * @param providerStatus   what the provider said of it: {@code succeeded}, or {@code pending} while the money
 *                         is on its way back; absent for an offline refund
 */
public record RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                           String by, String note, String refundId, String providerRefundId, String providerStatus)
        implements OrderCommand {
    public RefundIssued {
        Invariants.nonNegative(amount, "amount");
    }

    /** A refund recorded without a payment provider. */
    public RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                        String by, String note) {
        this(eventId, occurredAt, orderId, amount, currency, by, note, null, null, null);
    }
}
