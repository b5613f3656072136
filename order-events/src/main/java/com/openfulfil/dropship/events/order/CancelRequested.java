package com.openfulfil.dropship.events.order;

import java.time.Instant;

public record CancelRequested(String eventId, Instant occurredAt, String orderId, String requestedBy,
                              String reason) implements OrderCommand {
}
