package com.openfulfil.dropship.events.partner;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order's commission settled in payout batch {@code batchId}. A negative {@code amount} is a
 * clawback recovered: the order had been paid before its refund, and the batch took the
 * difference back from the partner's other earnings.
 */
public record CommissionPaidOut(String eventId, Instant occurredAt, String orderId, String partnerId,
                                String batchId, String currency, BigDecimal amount) implements LedgerEvent {
}
