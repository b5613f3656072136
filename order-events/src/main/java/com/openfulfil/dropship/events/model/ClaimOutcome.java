package com.openfulfil.dropship.events.model;

/**
 * How a lost-parcel claim ended (R5.3): the carrier paid compensation, the carrier refused it, or
 * the parcel was delivered after all, which closes the claim by itself.
 */
public enum ClaimOutcome {
    PAID,
    REFUSED,
    DELIVERED
}
