package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.OrderScoped;

/** The answer to a {@link ReserveRequested} ({@code catalog.reservation-results}, internal, keyed by orderId). */
public sealed interface ReservationResult extends CatalogMessage, OrderScoped permits LineReserved, LineUnavailable {
    int lineNo();
}
