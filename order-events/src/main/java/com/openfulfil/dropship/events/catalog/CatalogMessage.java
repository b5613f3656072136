package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.Event;

/** Everything catalog-service writes, public and internal. */
public sealed interface CatalogMessage extends Event
        permits ProductUpdated, OfferFeedRow, StockAlert, AllocationEvent, ReservationRequest, ReservationResult {
}
