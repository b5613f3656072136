package com.openfulfil.dropship.tracking.domain;

import java.time.Instant;

/** A lost-parcel claim opened with the carrier; one per parcel, so its id is the tracking number's. */
public record Claim(String claimId, Instant openedAt, String reason) {
    static Claim forParcel(String trackingNumber, Instant openedAt, String reason) {
        return new Claim("claim-" + trackingNumber, openedAt, reason);
    }
}
