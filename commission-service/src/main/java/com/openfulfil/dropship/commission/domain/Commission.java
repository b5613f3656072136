package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A partner's commission on one order, as kept in the {@code commissions} store (key orderId). */
public record Commission(String orderId, String partnerId, String partnerName, String currency, BigDecimal gross,
                         List<Deduction> deductions, BigDecimal total, CommissionState state, Instant earnedAt) {
    public Commission {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }

    public static Commission earned(String orderId, String partnerId, String partnerName, Breakdown breakdown,
                                    Instant at) {
        return new Commission(orderId, partnerId, partnerName, breakdown.currency(), breakdown.gross(),
                breakdown.deductions(), breakdown.total(), CommissionState.EARNED, at);
    }
}
