package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.ShippedParcel;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The supplier handed one or more parcels of the dispatch to a carrier. {@code parcels} says what each
 * parcel holds (tracking number and items); {@code trackingNumbers} lists every parcel of the message and
 * is filled from {@code parcels} when left out. A tracking number without an entry in {@code parcels}
 * (every one, in a message written before parcels named their contents) holds everything of the dispatch
 * not shipped yet.
 */
public record DispatchShipped(String eventId, Instant occurredAt, String orderId, String dispatchId,
                              String supplierId, String carrier, List<String> trackingNumbers,
                              List<ShippedParcel> parcels)
        implements SupplierUpdate {
    public DispatchShipped {
        parcels = parcels == null ? null : List.copyOf(parcels);
        if ((trackingNumbers == null || trackingNumbers.isEmpty()) && parcels != null) {
            trackingNumbers = parcels.stream().map(ShippedParcel::trackingNumber).toList();
        }
        trackingNumbers = List.copyOf(Invariants.notEmpty(trackingNumbers, "trackingNumbers"));
        if (parcels != null) {
            Set<String> seen = new HashSet<>();
            for (ShippedParcel parcel : parcels) {
                if (!seen.add(parcel.trackingNumber())) {
                    throw new IllegalArgumentException("parcel " + parcel.trackingNumber() + " is listed twice");
                }
                if (!trackingNumbers.contains(parcel.trackingNumber())) {
                    throw new IllegalArgumentException("parcel " + parcel.trackingNumber()
                            + " is not among the trackingNumbers");
                }
            }
        }
    }

    /** A shipment that does not say what its parcels hold. */
    public DispatchShipped(String eventId, Instant occurredAt, String orderId, String dispatchId, String supplierId,
                           String carrier, List<String> trackingNumbers) {
        this(eventId, occurredAt, orderId, dispatchId, supplierId, carrier, trackingNumbers, null);
    }

    /** Each of {@code trackingNumbers} as a parcel: with the contents {@code parcels} gives it, else naming none. */
    public List<ShippedParcel> allParcels() {
        return trackingNumbers.stream().map(n -> parcels == null ? new ShippedParcel(n, null)
                : parcels.stream().filter(p -> p.trackingNumber().equals(n)).findFirst()
                .orElse(new ShippedParcel(n, null))).toList();
    }
}
