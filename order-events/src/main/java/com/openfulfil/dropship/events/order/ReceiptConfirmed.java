package com.openfulfil.dropship.events.order;

import java.time.Instant;

/** The customer confirmed receipt, optionally with a 1-5 rating and a comment (R2.6). */
public record ReceiptConfirmed(String eventId, Instant occurredAt, String orderId, Integer rating,
                               String comment) implements OrderCommand {
}
