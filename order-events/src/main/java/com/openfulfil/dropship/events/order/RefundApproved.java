package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.LineQuantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The order accepted a refund: it fits what is still refundable and the order's status takes one, so the
 * amount now counts against the order. Written by order-service's order stream on {@code orders.commands}
 * in the step that records it; order-service's refund connector pays exactly these, then writes
 * {@link RefundIssued} or {@link RefundFailed} with the same {@code refundId}. A {@link RefundRequested}
 * the order refused gets no approval and is never paid.
 *
 * @param eventId          derived from the request's event id, so a replay approves with the same id
 * @param refundId         the request's refund id; the provider's idempotency key, so the refund is paid once
 *                         however often it is approved or paid again
 * @param paymentReference the provider's id of the customer's payment the refund is paid back against
 * @param reason           the request's reason, in the provider's words ({@code requested_by_customer}, ...)
 * @param by               who asked for the refund
 * @param lines            the request's units, by order line; absent when it named none
 */
public record RefundApproved(String eventId, Instant occurredAt, String orderId, String refundId, BigDecimal amount,
                             String currency, String paymentReference, String reason, String by, String note,
                             List<LineQuantity> lines)
        implements OrderCommand {
    public RefundApproved {
        Invariants.notBlank(refundId, "refundId");
        Invariants.nonNegative(amount, "amount");
        Invariants.notBlank(paymentReference, "paymentReference");
        lines = lines == null || lines.isEmpty() ? null : List.copyOf(lines);
    }

    /** An approval of a refund that names no units. */
    public RefundApproved(String eventId, Instant occurredAt, String orderId, String refundId, BigDecimal amount,
                          String currency, String paymentReference, String reason, String by, String note) {
        this(eventId, occurredAt, orderId, refundId, amount, currency, paymentReference, reason, by, note, null);
    }

    /** The approval of {@code request}, as {@code eventId} at {@code at}. */
    public static RefundApproved of(RefundRequested request, String eventId, Instant at) {
        return new RefundApproved(eventId, at, request.orderId(), request.refundId(), request.amount(),
                request.currency(), request.paymentReference(), request.reason(), request.by(), request.note(),
                request.lines());
    }
}
