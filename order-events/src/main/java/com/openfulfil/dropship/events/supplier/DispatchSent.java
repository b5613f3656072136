package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.model.DispatchItem;

import java.time.Instant;
import java.util.List;

/** A dispatch went out to a supplier. An order split over n suppliers has n of these. */
public record DispatchSent(String eventId, Instant occurredAt, String orderId, String dispatchId,
                           String supplierId, List<DispatchItem> items) implements FulfilmentEvent {
}
