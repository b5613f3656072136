package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** The supplier shipped the line: its reservation leaves stock on hand for good. */
public record ConsumeRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku)
        implements ReservationRequest {
}
