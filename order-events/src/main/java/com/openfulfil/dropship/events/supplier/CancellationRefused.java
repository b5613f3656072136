package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

/** The supplier could not cancel the dispatch (typically: it has already shipped). */
public record CancellationRefused(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                  String supplierId, String reason) implements FulfilmentEvent {
}
