package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.util.List;

/** The partner's commission on this order as commission-service credited it (R6.2). */
public record Commission(String partnerName, String currency, BigDecimal gross, List<Deduction> deductions,
                         BigDecimal total) {
    public Commission {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }
}
