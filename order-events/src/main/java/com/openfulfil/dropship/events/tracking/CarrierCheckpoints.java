package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.Invariants;

import java.time.Instant;
import java.util.List;

/**
 * A carrier's reports for one parcel that arrived together ({@code tracking.carrier-events}, internal,
 * keyed by tracking number): one webhook call, or one round of polling, as one record. Each report
 * keeps its own event id, so a report seen before is still recognised on its own.
 */
public record CarrierCheckpoints(String eventId, Instant occurredAt, String carrier, String trackingNumber,
                                 List<CarrierCheckpoint> checkpoints) implements TrackingMessage {
    public CarrierCheckpoints {
        checkpoints = List.copyOf(Invariants.notEmpty(checkpoints, "checkpoints"));
    }
}
