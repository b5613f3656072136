package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;

/** A lost-parcel claim in ops' list, with the parcel and order it is about. */
record ClaimView(String trackingNumber, String orderId, String carrier, ParcelStatus parcelStatus, Claim claim) {

    static ClaimView of(Parcel parcel) {
        return new ClaimView(parcel.trackingNumber(), parcel.registration().orderId(),
                parcel.registration().carrier(), parcel.status(), parcel.watch().claim());
    }
}
