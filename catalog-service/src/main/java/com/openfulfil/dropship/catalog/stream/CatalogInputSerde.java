package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.ReservationRequest;
import com.openfulfil.dropship.events.catalog.ReservationResult;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;

/**
 * What the catalog stream reads (binding {@code inventory-in-0}): the other events on its topics
 * (most of {@code fulfilment.events}) are skipped by their type header, without being decoded.
 */
public class CatalogInputSerde extends EventSerde {
    public CatalogInputSerde() {
        super(names(OfferFeedRow.class, OrderPlaced.class, ReservationRequest.class, ReservationResult.class,
                ParcelsShipped.class, DispatchRerouted.class, OrderStatusChanged.class));
    }
}
