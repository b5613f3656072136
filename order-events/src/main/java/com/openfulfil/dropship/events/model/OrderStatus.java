package com.openfulfil.dropship.events.model;

/** The states of an order (ARCHITECTURE.md, "Order states"). */
public enum OrderStatus {
    PLACED, CONFIRMED, DISPATCHED, ACCEPTED, SHIPPED, IN_TRANSIT, DELIVERED, COMPLETED,
    REJECTED, CANCELLED, EXCEPTION,
    RETURN_REQUESTED, RETURNED, REFUNDED, RESHIPPED
}
