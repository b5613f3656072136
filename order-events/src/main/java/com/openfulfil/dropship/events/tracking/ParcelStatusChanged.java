package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/** A parcel moved forward; {@code checkpoint} is the carrier report that moved it. */
public record ParcelStatusChanged(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                  String trackingNumber, String carrier, ParcelStatus previous,
                                  ParcelStatus status, Checkpoint checkpoint) implements TrackingEvent {
}
