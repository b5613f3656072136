package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.Deduction;

import java.math.BigDecimal;
import java.util.List;

/** What a partner earns on one order: gross, each tax and fee actually deducted, and the total received. */
public record Breakdown(String currency, BigDecimal gross, List<Deduction> deductions, BigDecimal total) {
    public Breakdown {
        deductions = List.copyOf(deductions);
    }
}
