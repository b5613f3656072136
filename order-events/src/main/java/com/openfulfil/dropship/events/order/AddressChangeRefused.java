package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Instant;

/**
 * An address change asked too late: the order (in {@code status}) keeps shipping to the address it had;
 * {@code reason} says why, for the one who asked (a store's change is shown to ops).
 */
public record AddressChangeRefused(String eventId, Instant occurredAt, String orderId, String requestedBy,
                                   Address shipTo, OrderStatus status, String reason) implements OrderEvent {
}
