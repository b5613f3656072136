package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/**
 * A carrier's report for one parcel, already mapped to the normalised status
 * ({@code tracking.carrier-events}, internal, keyed by tracking number). {@code eventId} is the
 * carrier's own event id, so a re-delivered webhook is recognised. {@code estimatedDelivery} is
 * the carrier's delivery estimate when it gives one. {@code receivedVia} says whether the carrier
 * posted it or its query API was polled; null on reports written before it was recorded.
 */
public record CarrierCheckpoint(String eventId, Instant occurredAt, String carrier, String trackingNumber,
                                ParcelStatus status, Checkpoint checkpoint, Instant estimatedDelivery,
                                CarrierChannel receivedVia)
        implements TrackingMessage {

    /** A report whose channel is not known. */
    public CarrierCheckpoint(String eventId, Instant occurredAt, String carrier, String trackingNumber,
                             ParcelStatus status, Checkpoint checkpoint, Instant estimatedDelivery) {
        this(eventId, occurredAt, carrier, trackingNumber, status, checkpoint, estimatedDelivery, null);
    }
}
