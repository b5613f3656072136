package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.model.ShippedParcel;

import java.time.Instant;
import java.util.List;

/**
 * Parcels of a dispatch are with a carrier; tracking-service follows each tracking number.
 * {@code parcels} (one per tracking number, as supplier-gateway checked them against the dispatch) says
 * what each holds, by line, sku, title and units. A parcel without items holds what its dispatch had
 * left to ship, shared with the shipment's other parcels without items; {@code parcels} is absent on a
 * shipment written before parcels named their contents.
 */
public record ParcelsShipped(String eventId, Instant occurredAt, String orderId, String dispatchId,
                             String supplierId, String carrier, List<String> trackingNumbers,
                             List<ShippedParcel> parcels)
        implements FulfilmentEvent {

    public ParcelsShipped {
        parcels = parcels == null ? null : List.copyOf(parcels);
    }

    /** A shipment that does not say what its parcels hold. */
    public ParcelsShipped(String eventId, Instant occurredAt, String orderId, String dispatchId, String supplierId,
                          String carrier, List<String> trackingNumbers) {
        this(eventId, occurredAt, orderId, dispatchId, supplierId, carrier, trackingNumbers, null);
    }

    /** What parcel {@code trackingNumber} holds; null when it does not say. */
    public ShippedParcel parcel(String trackingNumber) {
        return parcels == null ? null : parcels.stream().filter(p -> p.trackingNumber().equals(trackingNumber))
                .findFirst().orElse(null);
    }
}
