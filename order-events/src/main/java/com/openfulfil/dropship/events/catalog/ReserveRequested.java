package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.Priority;

import java.time.Instant;
import java.util.List;

/**
 * Reserve {@code quantity} of {@code sku} for an order line at the best offer not in
 * {@code excludedSuppliers}; {@code priority} is the order's, whose shipping cost counts.
 */
public record ReserveRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                               int quantity, List<String> excludedSuppliers, Priority priority)
        implements ReservationRequest {
    public ReserveRequested {
        Invariants.positive(quantity, "quantity");
        excludedSuppliers = excludedSuppliers == null ? List.of() : List.copyOf(excludedSuppliers);
        priority = priority == null ? Priority.STANDARD : priority;
    }
}
