package com.openfulfil.dropship.events.model;

/**
 * The normalised parcel states (the set AfterShip uses). {@link #rank()} orders the happy path
 * so a parcel's status only moves forward; DELIVERED and EXPIRED are terminal.
 */
public enum ParcelStatus {
    PENDING(0), INFO_RECEIVED(1), IN_TRANSIT(2), ATTEMPT_FAIL(3), EXCEPTION(3), AVAILABLE_FOR_PICKUP(4),
    OUT_FOR_DELIVERY(4), DELIVERED(5), EXPIRED(5);

    private final int rank;

    ParcelStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isTerminal() {
        return this == DELIVERED || this == EXPIRED;
    }
}
