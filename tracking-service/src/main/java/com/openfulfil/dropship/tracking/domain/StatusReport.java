package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.CarrierChannel;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.time.Instant;

/**
 * One carrier report about a parcel: the carrier's own event id (how re-deliveries are
 * recognised), the normalised status, the checkpoint as the carrier told it, the carrier's
 * delivery estimate (null when it gave none) and how it reached us (null when not known: reports
 * kept before it was recorded, and those we make up ourselves, like an expiry).
 */
public record StatusReport(String eventId, ParcelStatus status, Checkpoint checkpoint, Instant estimatedDelivery,
                           CarrierChannel receivedVia) {

    public StatusReport(String eventId, ParcelStatus status, Checkpoint checkpoint) {
        this(eventId, status, checkpoint, null, null);
    }

    public StatusReport {
        require(eventId != null && !eventId.isBlank(), "a carrier report needs an eventId");
        require(status != null, "carrier report " + eventId + " has no status");
        require(checkpoint != null && checkpoint.time() != null, "carrier report " + eventId + " has no time");
    }

    public Instant time() {
        return checkpoint.time();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
