package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Invariants;
import java.time.Instant;
import java.util.List;

/** The supplier handed one or more parcels of the dispatch to a carrier. */
public record DispatchShipped(String eventId, Instant occurredAt, String orderId, String dispatchId,
                              String supplierId, String carrier, List<String> trackingNumbers)
        implements SupplierUpdate {
    public DispatchShipped {
        trackingNumbers = List.copyOf(Invariants.notEmpty(trackingNumbers, "trackingNumbers"));
    }
}
