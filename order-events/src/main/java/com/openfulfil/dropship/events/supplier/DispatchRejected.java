package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.model.RejectionReason;

import java.time.Instant;

public record DispatchRejected(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, RejectionReason reason, String detail) implements SupplierUpdate {
}
