package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Invariants;

import java.time.Instant;

/**
 * An operator moves {@code dispatchId}, still with {@code supplierId} and not shipped, to the backup
 * offers the allocation ranked for its lines: the supplier is asked to cancel, and the lines move once
 * it agrees (as for a missed deadline under the reroute policy). {@code requestedBy} names the
 * operator; {@code reason} is theirs, kept in the cancellation sent to the supplier and the reroute.
 */
public record RerouteRequested(String eventId, Instant occurredAt, String orderId, String dispatchId,
                               String supplierId, String requestedBy, String reason) implements GatewayCommand {
    public RerouteRequested {
        Invariants.notBlank(requestedBy, "requestedBy");
        Invariants.notBlank(reason, "reason");
    }
}
