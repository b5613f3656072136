package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.Event;

/** Everything tracking-service writes, public and internal. */
public sealed interface TrackingMessage extends Event permits ParcelRegistered, CarrierCheckpoint, CarrierCheckpoints,
        ClaimFileRequested, ClaimCloseRequested, TrackingEvent {
    String trackingNumber();
}
