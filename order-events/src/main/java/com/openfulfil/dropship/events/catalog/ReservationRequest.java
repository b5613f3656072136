package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.OrderScoped;

/**
 * A request on one product's stock for one order line ({@code catalog.reservation-requests},
 * internal, keyed by sku so one task owns a product's stock).
 */
public sealed interface ReservationRequest extends CatalogMessage, OrderScoped
        permits ReserveRequested, ReleaseRequested, ConsumeRequested {
    String sku();

    int lineNo();
}
