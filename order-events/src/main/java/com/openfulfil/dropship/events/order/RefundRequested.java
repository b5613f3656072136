package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.LineQuantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An admin asked for {@code amount} to be paid back to the customer through the payment provider.
 * Nothing is refunded yet, nor paid: the order's stream accepts the request only if it fits what is
 * still refundable (two requests sent at once may both have passed the API's check) and writes
 * {@link RefundApproved}, which order-service's refund connector pays; a request it refuses is listed on
 * the order as refused, with why. The outcome is {@link RefundIssued} or {@link RefundFailed} with the
 * same {@code refundId}.
 *
 * @param refundId         the refund's own id; the provider's idempotency key, so the refund is paid once
 *                         however often it is asked for
 * @param paymentReference the provider's id of the customer's payment the refund is paid back against
 * @param reason           why, in the provider's words: {@code requested_by_customer}, {@code duplicate} or
 *                         {@code fraudulent}
 * @param lines            the units the refund pays back, by order line; absent when it names none (an amount for
 *                         the order, as every refund was before refunds named lines)
 */
public record RefundRequested(String eventId, Instant occurredAt, String orderId, String refundId, BigDecimal amount,
                              String currency, String paymentReference, String reason, String by, String note,
                              List<LineQuantity> lines)
        implements OrderCommand {
    public RefundRequested {
        Invariants.notBlank(refundId, "refundId");
        Invariants.nonNegative(amount, "amount");
        Invariants.notBlank(paymentReference, "paymentReference");
        lines = lines == null || lines.isEmpty() ? null : List.copyOf(lines);
    }

    /** A refund of an amount that names no units. */
    public RefundRequested(String eventId, Instant occurredAt, String orderId, String refundId, BigDecimal amount,
                           String currency, String paymentReference, String reason, String by, String note) {
        this(eventId, occurredAt, orderId, refundId, amount, currency, paymentReference, reason, by, note, null);
    }
}
