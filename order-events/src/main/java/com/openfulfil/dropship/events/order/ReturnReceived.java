package com.openfulfil.dropship.events.order;

import java.time.Instant;

/** The goods of a return are back (at the supplier's return address). */
public record ReturnReceived(String eventId, Instant occurredAt, String orderId, String by) implements OrderCommand {
}
