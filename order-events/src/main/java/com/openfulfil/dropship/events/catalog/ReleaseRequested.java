package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** Give back whatever the order line holds of {@code sku} (rejection, cancellation, reroute). */
public record ReleaseRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                               String reason) implements ReservationRequest {
}
