package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.OrderScoped;
import com.openfulfil.dropship.events.model.ParcelItem;

import java.time.Instant;
import java.util.List;

/**
 * A tracking number to follow ({@code tracking.registrations}, internal, keyed by tracking number).
 * {@code items}: what the parcel holds, absent when its shipment did not say. A customer's return parcel is
 * registered by order-service with the return's RMA number as its {@code dispatchId}, and the supplier it goes
 * back to as {@code supplierId}.
 */
public record ParcelRegistered(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, String carrier, String trackingNumber, List<ParcelItem> items)
        implements TrackingMessage, OrderScoped {

    public ParcelRegistered {
        items = items == null ? null : List.copyOf(items);
    }

    /** A parcel whose contents are not known. */
    public ParcelRegistered(String eventId, Instant occurredAt, String orderId, String dispatchId, String supplierId,
                            String carrier, String trackingNumber) {
        this(eventId, occurredAt, orderId, dispatchId, supplierId, carrier, trackingNumber, null);
    }
}
