package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;

import java.util.List;

/**
 * One parcel of a shipment and what it holds. {@code items} absent: the parcel holds everything of its
 * dispatch not shipped yet (shared with the other parcels of the same shipment that name nothing), as
 * every parcel did before parcels named their contents.
 */
public record ShippedParcel(String trackingNumber, List<ParcelItem> items) {
    public ShippedParcel {
        Invariants.notBlank(trackingNumber, "trackingNumber");
        items = items == null ? null : List.copyOf(Invariants.notEmpty(items, "items"));
    }

    /** Whether the parcel says what it holds. */
    public boolean namesContents() {
        return items != null;
    }
}
