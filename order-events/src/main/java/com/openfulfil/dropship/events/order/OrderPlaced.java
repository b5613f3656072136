package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.OrderDetails;

import java.time.Instant;

/** A storefront or partner placed an order that passed validation. */
public record OrderPlaced(String eventId, Instant occurredAt, String orderId, OrderDetails order)
        implements OrderEvent {
}
