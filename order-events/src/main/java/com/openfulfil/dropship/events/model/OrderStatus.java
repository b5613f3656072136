package com.openfulfil.dropship.events.model;

/**
 * The states of an order (docs/storefronts.md, "Order states"). CANCELLING is the handshake with the
 * suppliers when an order they already have is cancelled: it ends CANCELLED, or back where it was
 * when a supplier had already shipped. The way to delivery counts units: PARTIALLY_SHIPPED while some
 * units are with a carrier and others not yet, PARTIALLY_DELIVERED once some have arrived and others
 * not yet, DELIVERED when every unit has. (Enums travel by name, so the order here is free.)
 */
public enum OrderStatus {
    PLACED, CONFIRMED, DISPATCHED, ACCEPTED, PARTIALLY_SHIPPED, SHIPPED, IN_TRANSIT, PARTIALLY_DELIVERED, DELIVERED,
    COMPLETED,
    REJECTED, CANCELLING, CANCELLED, EXCEPTION,
    RETURN_REQUESTED, RETURNED, REFUNDED, RESHIPPED
}
