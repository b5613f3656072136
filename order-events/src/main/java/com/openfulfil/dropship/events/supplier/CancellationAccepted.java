package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

public record CancellationAccepted(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                   String supplierId) implements SupplierUpdate {
}
