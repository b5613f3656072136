package com.openfulfil.dropship.tracking.stream;

import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoints;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.ParcelDelayed;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;

/**
 * What the tracking stream reads (binding {@code tracking-in-0}): parcels' registrations, carrier
 * reports and claim requests, and what customer messages are made of. The rest of its topics (other
 * fulfilment news, its own parcel moves on tracking.events) is skipped by its type header, undecoded.
 */
public class TrackingInputSerde extends EventSerde {
    public TrackingInputSerde() {
        super(names(ParcelRegistered.class, CarrierCheckpoint.class, CarrierCheckpoints.class, ClaimFileRequested.class,
                ClaimCloseRequested.class, OrderStatusChanged.class, ParcelsShipped.class, ParcelDelayed.class,
                ReturnAuthorised.class));
    }
}
