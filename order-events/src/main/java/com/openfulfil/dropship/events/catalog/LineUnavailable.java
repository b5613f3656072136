package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** The offers of {@code sku} together cannot cover the line; {@code available} is what they could give. */
public record LineUnavailable(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                              int requested, int available, boolean listed) implements ReservationResult {
}
