package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** No offer of {@code sku} can cover the line; {@code available} is the best single offer's availability. */
public record LineUnavailable(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                              int requested, int available, boolean listed) implements ReservationResult {
}
