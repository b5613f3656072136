package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.Address;

import java.time.Instant;

/**
 * The order now ships to {@code shipTo} (it shipped to {@code previous}): supplier-gateway builds the
 * order's dispatches with it, the order API shows it.
 */
public record ShippingAddressChanged(String eventId, Instant occurredAt, String orderId, String requestedBy,
                                     Address previous, Address shipTo) implements OrderEvent {
}
