package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.OfferRef;

import java.time.Instant;
import java.util.List;

/**
 * {@code quantity} units of the order line are held at {@code chosen}. A line split across offers is
 * answered with one LineReserved per part, all written in one step; the line is reserved once their
 * quantities add up to what was asked.
 */
public record LineReserved(String eventId, Instant occurredAt, String orderId, int lineNo, String sku, int quantity,
                           OfferRef chosen, List<OfferRef> backups) implements ReservationResult {
}
