package com.openfulfil.dropship.events.tracking;

import java.time.Instant;

/**
 * A parcel is taken for lost (expired with no news, or too many failed deliveries and carrier
 * exceptions): a claim is opened with its carrier and the order goes to EXCEPTION. One claim per
 * parcel ({@code claimId}).
 */
public record LostParcelClaimOpened(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                    String trackingNumber, String carrier, String claimId, String reason)
        implements TrackingEvent {
}
