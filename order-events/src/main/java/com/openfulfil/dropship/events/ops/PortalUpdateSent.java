package com.openfulfil.dropship.events.ops;

import java.time.Instant;

/**
 * A supplier user answered a dispatch in the supplier portal ({@code ops.audit}, keyed by supplierId):
 * the portal sent {@code update} (a supplier update type, such as {@code DispatchShipped}) with event id
 * {@code updateEventId} to supplier-gateway on the supplier's behalf. {@code summary} says what was
 * answered in words (the carrier and tracking numbers, the reason of a refusal).
 */
public record PortalUpdateSent(String eventId, Instant occurredAt, String actor, String supplierId, String orderId,
                               String dispatchId, String update, String updateEventId, String summary)
        implements OpsMessage {
}
