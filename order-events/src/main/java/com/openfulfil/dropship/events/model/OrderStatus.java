package com.openfulfil.dropship.events.model;

/**
 * The states of an order (docs/storefronts.md, "Order states"). CANCELLING is the handshake with the
 * suppliers when an order they already have is cancelled: it ends CANCELLED, or back where it was
 * when a supplier had already shipped.
 */
public enum OrderStatus {
    PLACED, CONFIRMED, DISPATCHED, ACCEPTED, SHIPPED, IN_TRANSIT, DELIVERED, COMPLETED,
    REJECTED, CANCELLING, CANCELLED, EXCEPTION,
    RETURN_REQUESTED, RETURNED, REFUNDED, RESHIPPED
}
