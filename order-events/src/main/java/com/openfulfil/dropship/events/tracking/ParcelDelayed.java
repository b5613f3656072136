package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/**
 * A parcel is late: the carrier has said nothing about it for longer than the service allows, or
 * the carrier's delivery estimate ({@code estimatedDelivery}, null for a plain silence) has passed.
 * The customer gets a delay notice. {@code lastHeardAt} is the newest checkpoint (or the
 * registration): each silence is announced once, and a parcel that goes silent again after news is
 * announced again.
 */
public record ParcelDelayed(String eventId, Instant occurredAt, String orderId, String dispatchId,
                            String trackingNumber, String carrier, ParcelStatus status, Instant lastHeardAt,
                            Instant estimatedDelivery)
        implements TrackingEvent {
}
