package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

public record CancellationRejected(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                   String supplierId, String reason) implements SupplierUpdate {
}
