package com.openfulfil.dropship.events.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The refund connector stopped following a refund the payment provider still reports {@code pending} after the
 * longest it waits: the refund stays pending and counted as paid back (so nothing pays it twice), no outcome
 * will come for it, and the order's history tells ops to look it up in the provider's dashboard.
 *
 * @param providerRefundId the provider's id of the refund, to look it up by
 * @param reason           why it is no longer followed, for the order's history
 */
public record PendingRefundReleased(String eventId, Instant occurredAt, String orderId, String refundId,
                                    BigDecimal amount, String currency, String providerRefundId, String reason)
        implements OrderCommand {
}
