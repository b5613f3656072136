package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.LineQuantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customer was refunded {@code amount} (all or part of what they paid).
 *
 * @param refundId         the refund's own id (also the payment provider's idempotency key); absent on refunds
 *                         recorded before refunds had ids
 * @param providerRefundId the payment provider's id of the refund (Stripe {@code re_...}); absent when the
 *                         refund was made offline, outside the provider
 * @param providerStatus   what the provider said of it: {@code succeeded}, or {@code pending} while the money
 *                         is on its way back; absent for an offline refund
 * @param lines            on a refund recorded offline, the units it pays back, by order line; absent when it
 *                         names none, and on a refund the order asked for ({@link RefundRequested} named its units)
 */
public record RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                           String by, String note, String refundId, String providerRefundId, String providerStatus,
                           List<LineQuantity> lines)
        implements OrderCommand {
    public RefundIssued {
        Invariants.nonNegative(amount, "amount");
        lines = lines == null || lines.isEmpty() ? null : List.copyOf(lines);
    }

    /** A refund that names no units. */
    public RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                        String by, String note, String refundId, String providerRefundId, String providerStatus) {
        this(eventId, occurredAt, orderId, amount, currency, by, note, refundId, providerRefundId, providerStatus,
                null);
    }

    /** A refund recorded without a payment provider. */
    public RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                        String by, String note) {
        this(eventId, occurredAt, orderId, amount, currency, by, note, null, null, null);
    }
}
