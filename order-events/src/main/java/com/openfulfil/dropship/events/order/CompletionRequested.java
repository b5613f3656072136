package com.openfulfil.dropship.events.order;

import java.time.Instant;

/** An admin moved the order to COMPLETED (R2.6, R6.1). */
public record CompletionRequested(String eventId, Instant occurredAt, String orderId, String requestedBy)
        implements OrderCommand {
}
