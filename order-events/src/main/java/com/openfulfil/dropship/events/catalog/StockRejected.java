package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.ShortLine;

import java.time.Instant;
import java.util.List;

/** At least one line could not be covered; nothing stays reserved for the order. */
public record StockRejected(String eventId, Instant occurredAt, String orderId, List<ShortLine> shortLines)
        implements AllocationEvent {
}
