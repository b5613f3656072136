package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A partner's commission on a completed order: {@code gross} = Σ (sale − retail) × quantity,
 * each tax and fee itemised, {@code total} = gross − deductions, never below zero (R6.2).
 */
public record CommissionEarned(String eventId, Instant occurredAt, String orderId, String partnerId,
                               String partnerName, String currency, BigDecimal gross, List<Deduction> deductions,
                               BigDecimal total) implements LedgerEvent {
    public CommissionEarned {
        Invariants.nonNegative(total, "total");
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }
}
