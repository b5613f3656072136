package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ReturnReason;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Every transition of an order, with the order itself so a reader (commission, notifications,
 * storefront webhooks) needs nothing else. {@code from} is null for the first state.
 *
 * @param refundAmount on a move to REFUNDED, what the customer got back, in the order's currency
 *                     (commission is clawed back in proportion); absent on every other transition
 * @param returnReason on a move to RETURN_REQUESTED, why the customer sends it back (wrong or missing
 *                     items count against the supplier's scorecard); absent on every other transition
 */
public record OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from,
                                 OrderStatus to, String reason, OrderDetails order, BigDecimal refundAmount,
                                 ReturnReason returnReason)
        implements OrderEvent {

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order) {
        this(eventId, occurredAt, orderId, from, to, reason, order, null, null);
    }

    public OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from, OrderStatus to,
                              String reason, OrderDetails order, BigDecimal refundAmount) {
        this(eventId, occurredAt, orderId, from, to, reason, order, refundAmount, null);
    }
}
