package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;

import java.util.List;

/**
 * A shipment's tracking numbers, one registration each, for tracking-service (keyed by tracking number
 * on {@code tracking.registrations}). Written in the same transaction as the shipment, so tracking
 * follows a parcel from the moment the order is SHIPPED, knowing what it holds. A blank number cannot be
 * followed and is left out.
 */
final class Registrations {
    private Registrations() {
    }

    static List<ParcelRegistered> of(ParcelsShipped shipped) {
        if (shipped.trackingNumbers() == null) {
            return List.of();
        }
        return shipped.trackingNumbers().stream().filter(n -> n != null && !n.isBlank()).distinct()
                .map(n -> new ParcelRegistered(EventIds.derived(shipped.eventId(), "registered", n),
                        shipped.occurredAt(), shipped.orderId(), shipped.dispatchId(), shipped.supplierId(),
                        shipped.carrier(), n, contents(shipped, n)))
                .toList();
    }

    /** What the parcel holds, when its shipment says. */
    private static List<ParcelItem> contents(ParcelsShipped shipped, String trackingNumber) {
        ShippedParcel parcel = shipped.parcel(trackingNumber);
        return parcel == null ? null : parcel.items();
    }
}
