package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Instant;

/**
 * Every transition of an order, with the order itself so a reader (commission, notifications,
 * storefront webhooks) needs nothing else. {@code from} is null for the first state.
 */
public record OrderStatusChanged(String eventId, Instant occurredAt, String orderId, OrderStatus from,
                                 OrderStatus to, String reason, OrderDetails order) implements OrderEvent {
}
