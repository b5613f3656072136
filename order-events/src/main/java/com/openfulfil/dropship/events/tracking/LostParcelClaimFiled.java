package com.openfulfil.dropship.events.tracking;

import java.time.Instant;

/** A lost-parcel claim was filed with the carrier, which knows it as {@code carrierReference}. */
public record LostParcelClaimFiled(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                   String trackingNumber, String carrier, String claimId, String carrierReference,
                                   String filedBy)
        implements TrackingEvent {
}
