package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.Address;

import java.time.Instant;

/**
 * Someone (a store's edit, ops) asked that the order ship to {@code shipTo} instead. order-service
 * applies it only while no supplier can have the order yet; it answers with {@link ShippingAddressChanged}
 * or {@link AddressChangeRefused} on {@code orders.lifecycle}.
 */
public record AddressChangeRequested(String eventId, Instant occurredAt, String orderId, String requestedBy,
                                     Address shipTo) implements OrderCommand {
}
