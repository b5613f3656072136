package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Clawback: part or all of an order's commission taken back after the customer was refunded, in
 * proportion to the refund ({@code amount} = total commission × refund ÷ what the customer paid,
 * in the currency's minor units). The earlier {@link CommissionEarned} stays as it was;
 * {@code remaining} is what the partner keeps on the order.
 */
public record CommissionReversed(String eventId, Instant occurredAt, String orderId, String partnerId,
                                 String currency, BigDecimal refundAmount, BigDecimal amount, BigDecimal remaining)
        implements LedgerEvent {
    public CommissionReversed {
        Invariants.nonNegative(amount, "amount");
        Invariants.nonNegative(remaining, "remaining");
    }
}
