package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.model.ReturnReason;

import java.time.Instant;

/**
 * The customer asked to return an order this supplier shipped part of, because items were wrong
 * or missing (R5.1): it counts against the supplier's error rate (R3.6). An order split over
 * several suppliers reports it against each supplier that shipped.
 */
public record ItemErrorReported(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                String supplierId, ReturnReason reason, String detail) implements FulfilmentEvent {
}
