package com.openfulfil.dropship.supplierportal.domain;

/** Where a dispatch stands for the supplier, as supplier-gateway has recorded it. */
public enum Stage {
    /** Sent, not answered yet. */
    NEW,
    /** The supplier will ship it. */
    ACCEPTED,
    /** At least one parcel is with a carrier. */
    SHIPPED,
    /** The supplier refused it. */
    REJECTED,
    /** Cancelled at the retailer's request, before it shipped. */
    CANCELLED,
    /** Given to another supplier (refused for stock, or its deadline passed). */
    REROUTED;

    /** Still waiting for the supplier: an answer, or the parcel. */
    public boolean isOpen() {
        return this == NEW || this == ACCEPTED;
    }

    /** Parcels may still be reported: before shipping, and further parcels after the first. */
    public boolean canShip() {
        return isOpen() || this == SHIPPED;
    }
}
