package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

/** The supplier agreed not to ship the dispatch: it is cancelled. */
public record DispatchCancelled(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                String supplierId) implements FulfilmentEvent {
}
