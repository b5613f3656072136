package com.openfulfil.dropship.events.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payment provider refused a requested refund, or reported it failed: nothing was paid back and
 * nothing is recorded as refunded. An admin may ask again (a new refund, with a new id).
 *
 * @param providerRefundId the provider's id of the failed refund, when it got that far
 * @param reason           what the provider said, for ops to act on
 */
public record RefundFailed(String eventId, Instant occurredAt, String orderId, String refundId, BigDecimal amount,
                           String currency, String providerRefundId, String reason) implements OrderCommand {
}
