package com.openfulfil.dropship.events.supplier;

import java.time.Instant;

/**
 * A supplier's part of an order needs a person (R3.2, R3.5): its deadline passed and the agreement
 * says escalate (or no backup could take it over), or the supplier refused for stock and no backup
 * offer is left. order-service moves the order to EXCEPTION; the ops console lists it.
 */
public record EscalatedToOps(String eventId, Instant occurredAt, String orderId, String dispatchId,
                             String supplierId, Cause cause, String detail) implements FulfilmentEvent {

    public enum Cause {
        /** A deadline of the agreement passed (see the SlaBreached before it). */
        SLA_BREACHED,
        /** The supplier refused for stock and every backup offer of a line is used up. */
        NO_BACKUP_LEFT
    }
}
