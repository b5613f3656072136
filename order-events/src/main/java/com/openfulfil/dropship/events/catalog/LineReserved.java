package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.OfferRef;

import java.time.Instant;
import java.util.List;

public record LineReserved(String eventId, Instant occurredAt, String orderId, int lineNo, String sku, int quantity,
                           OfferRef chosen, List<OfferRef> backups) implements ReservationResult {
}
