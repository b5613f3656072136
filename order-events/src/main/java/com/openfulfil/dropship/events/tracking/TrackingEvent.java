package com.openfulfil.dropship.events.tracking;

import com.openfulfil.dropship.events.OrderScoped;

/** Parcel events for readers outside tracking-service ({@code tracking.events}, keyed by orderId). */
public sealed interface TrackingEvent extends TrackingMessage, OrderScoped permits ParcelStatusChanged, ParcelDelayed,
        LostParcelClaimOpened, LostParcelClaimFiled, LostParcelClaimClosed {
}
