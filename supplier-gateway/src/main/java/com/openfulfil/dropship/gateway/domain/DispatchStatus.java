package com.openfulfil.dropship.gateway.domain;

/**
 * Where one dispatch stands with its supplier. The {@code can...} rules decide which supplier
 * answers are news: anything else is a replay or arrives too late, and changes nothing.
 */
public enum DispatchStatus {
    SENT, ACCEPTED, REJECTED, SHIPPED;

    /** Acceptance only means something before the supplier said anything else. */
    public boolean canAccept() {
        return this == SENT;
    }

    /** A supplier can refuse until parcels are with a carrier; after that only a cancellation helps. */
    public boolean canReject() {
        return this == SENT || this == ACCEPTED;
    }

    /** SHIPPED again is the next parcel of a partial shipment; a refused dispatch ships nothing. */
    public boolean canShip() {
        return this != REJECTED;
    }
}
