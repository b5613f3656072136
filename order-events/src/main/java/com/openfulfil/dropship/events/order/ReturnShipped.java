package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;

import java.time.Instant;

/**
 * The customer handed the return authorised as {@code rmaId} to {@code carrier} under
 * {@code trackingNumber} (R5.2): the parcel is followed like any parcel, and its delivery counts as the
 * return received at that supplier.
 */
public record ReturnShipped(String eventId, Instant occurredAt, String orderId, String rmaId, String carrier,
                            String trackingNumber, String by) implements OrderCommand {
    public ReturnShipped {
        Invariants.notBlank(rmaId, "rmaId");
        Invariants.notBlank(carrier, "carrier");
        Invariants.notBlank(trackingNumber, "trackingNumber");
    }
}
