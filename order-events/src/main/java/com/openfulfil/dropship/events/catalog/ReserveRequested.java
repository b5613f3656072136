package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.Priority;

import java.time.Instant;
import java.util.List;

/**
 * Reserve {@code quantity} of {@code sku} for an order line at the best offer not in
 * {@code excludedSuppliers}, or split across several when no single one can cover it;
 * {@code priority} is the order's, whose shipping cost counts.
 * {@code onlySupplier}, when set, allows that supplier's offer alone: the line (or one part of it) was
 * rerouted to it and the reservation must follow the dispatch. {@code preferredSupplier}, when set, goes first among
 * the offers that can cover the quantity: a replacement order's line, reshipped by the supplier that
 * shipped it (R5.1).
 */
public record ReserveRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                               int quantity, List<String> excludedSuppliers, Priority priority, String onlySupplier,
                               String preferredSupplier)
        implements ReservationRequest {
    public ReserveRequested {
        Invariants.positive(quantity, "quantity");
        excludedSuppliers = excludedSuppliers == null ? List.of() : List.copyOf(excludedSuppliers);
        priority = priority == null ? Priority.STANDARD : priority;
    }

    public ReserveRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku, int quantity,
                            List<String> excludedSuppliers, Priority priority) {
        this(eventId, occurredAt, orderId, lineNo, sku, quantity, excludedSuppliers, priority, null, null);
    }

    public ReserveRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku, int quantity,
                            List<String> excludedSuppliers, Priority priority, String onlySupplier) {
        this(eventId, occurredAt, orderId, lineNo, sku, quantity, excludedSuppliers, priority, onlySupplier, null);
    }
}
