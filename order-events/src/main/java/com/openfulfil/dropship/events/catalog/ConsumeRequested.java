package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/**
 * The supplier shipped the line (or its part of it): its {@code quantity} units held at {@code supplierId}
 * leave stock on hand for good.
 */
public record ConsumeRequested(String eventId, Instant occurredAt, String orderId, int lineNo, String sku,
                               String supplierId, int quantity) implements ReservationRequest {
}
