package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

/** The retailer asks the supplier not to ship a dispatch; the supplier answers accepted or rejected. */
public record CancellationRequested(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                   String supplierId, String reason) implements DispatchMessage {
}
