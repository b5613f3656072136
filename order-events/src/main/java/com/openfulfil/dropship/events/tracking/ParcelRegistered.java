package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.OrderScoped;

import java.time.Instant;

/** A tracking number to follow ({@code tracking.registrations}, internal, keyed by tracking number). */
public record ParcelRegistered(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, String carrier, String trackingNumber)
        implements TrackingMessage, OrderScoped {
}
