package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/**
 * The carrier has said nothing about a parcel for longer than the service allows: the customer
 * gets a delay notice. {@code lastHeardAt} is the newest checkpoint (or the registration), so a
 * parcel that goes silent again after news is announced again, and each silence only once.
 */
public record ParcelDelayed(String eventId, Instant occurredAt, String orderId, String dispatchId,
                            String trackingNumber, String carrier, ParcelStatus status, Instant lastHeardAt)
        implements TrackingEvent {
}
