package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/**
 * Give back the {@code quantity} units the order line (or its part at that offer, when it was split)
 * holds of {@code sku} at {@code supplierId}'s offer (rejection, cancellation, reroute, an order that
 * ended without shipping).
 */
public record ReleaseRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                               String reason, String supplierId, int quantity) implements ReservationRequest {
}
