package com.openfulfil.dropship.events.supplier;

import java.time.Instant;
import java.util.List;

/** Parcels of a dispatch are with a carrier; tracking-service follows each tracking number. */
public record ParcelsShipped(String eventId, Instant occurredAt, String orderId, String dispatchId,
                             String supplierId, String carrier, List<String> trackingNumbers)
        implements FulfilmentEvent {
}
