package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.ReturnReason;

import java.time.Instant;
import java.util.List;

/** The customer reports a problem with a delivered order, with photos (R5.1, R5.2). */
public record ReturnRequested(String eventId, Instant occurredAt, String orderId, ReturnReason reason,
                              String description, List<String> photoUrls, String requestedBy) implements OrderCommand {
    public ReturnRequested {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
    }
}
