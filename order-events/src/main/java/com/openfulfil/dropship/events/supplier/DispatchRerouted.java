package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.LineAllocation;

import java.time.Instant;
import java.util.List;

/**
 * A supplier's part of an order moved to a backup supplier: {@code dispatchId} at {@code supplierId}
 * is given up (refused for stock, or its deadline passed), {@code newDispatchId} at
 * {@code newSupplierId} replaces it and goes out as its own DispatchRequested. Each of {@code lines}
 * names the backup offer now chosen for the line and the backups still left after it, with the units
 * the dispatch held (a split line's part moves alone, with its quantity), so catalog moves the line's
 * reservation at {@code supplierId} and order-service expects the new supplier.
 */
public record DispatchRerouted(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, String newDispatchId, String newSupplierId,
                               List<LineAllocation> lines, String reason) implements FulfilmentEvent {
    public DispatchRerouted {
        lines = List.copyOf(Invariants.notEmpty(lines, "lines"));
    }
}
