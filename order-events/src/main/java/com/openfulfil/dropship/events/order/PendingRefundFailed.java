package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.OrderSource;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund the payment provider first answered {@code pending}, which already counted as paid back and moved
 * the order to REFUNDED, failed at the provider: nothing was paid back, and the order no longer counts it.
 * commission-service gives the partner back what it clawed back for this refund (the move to REFUNDED that
 * names the same {@code refundId}). Written once per refund, on {@code orders.lifecycle}.
 *
 * @param refundId the refund that failed, as named by the move to REFUNDED it undoes
 * @param amount   what the refund would have paid back, in the order's currency
 * @param reason   what the provider said, or why the refund was taken for failed
 * @param source   who placed the order, under which reference (a partner's order is the one with commission)
 */
public record PendingRefundFailed(String eventId, Instant occurredAt, String orderId, String refundId,
                                  BigDecimal amount, String currency, String reason, OrderSource source)
        implements OrderEvent {
}
