package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A clawback given back: the refund it was taken for ({@code refundId}, answered {@code pending} by the
 * payment provider) failed, so the partner gets back exactly what {@link CommissionReversed} took for it.
 * The earlier entries stay as they were; {@code remaining} is what the partner keeps on the order now.
 */
public record CommissionRestored(String eventId, Instant occurredAt, String orderId, String partnerId,
                                 String currency, String refundId, BigDecimal amount, BigDecimal remaining)
        implements LedgerEvent {
    public CommissionRestored {
        Invariants.nonNegative(amount, "amount");
        Invariants.nonNegative(remaining, "remaining");
    }
}
