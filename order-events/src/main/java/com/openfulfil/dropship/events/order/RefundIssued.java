package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;
import java.time.Instant;

/** The customer was refunded {@code amount} (all or part of what they paid). */
public record RefundIssued(String eventId, Instant occurredAt, String orderId, BigDecimal amount, String currency,
                           String by, String note) implements OrderCommand {
    public RefundIssued {
        Invariants.nonNegative(amount, "amount");
    }
}
