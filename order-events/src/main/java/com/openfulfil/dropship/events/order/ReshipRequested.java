package com.openfulfil.dropship.events.order;

import java.time.Instant;

/** The supplier sends the order again (a damaged, wrong or lost parcel; R5.1, R5.3). */
public record ReshipRequested(String eventId, Instant occurredAt, String orderId, String by, String note)
        implements OrderCommand {
}
