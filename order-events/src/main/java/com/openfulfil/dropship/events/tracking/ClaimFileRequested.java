package com.openfulfil.dropship.events.tracking;

import java.time.Instant;

/**
 * Ops filed a parcel's lost-parcel claim with its carrier, under the carrier's reference
 * ({@code tracking.registrations}, internal, keyed by tracking number, so the parcel's task applies it).
 */
public record ClaimFileRequested(String eventId, Instant occurredAt, String trackingNumber, String claimId,
                                 String carrierReference, String requestedBy)
        implements TrackingMessage {
}
