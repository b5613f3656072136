package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.OrderLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The commission formula (R2.4, R6.2): gross = Σ (sale − retail) × quantity; the configured taxes
 * and fees are taken in order, each rounded to the currency's minor units and never more than what
 * is left; total = what remains, never below zero.
 */
public final class CommissionPolicy {
    private final List<DeductionRule> rules;

    public CommissionPolicy(List<DeductionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Breakdown compute(String currency, List<OrderLine> lines) {
        int scale = minorUnits(currency);
        BigDecimal gross = scaled(lines.stream().map(CommissionPolicy::lineMargin)
                .reduce(BigDecimal.ZERO, BigDecimal::add), scale);
        BigDecimal remaining = gross;
        List<Deduction> deductions = new ArrayList<>();
        for (DeductionRule rule : rules) {
            BigDecimal amount = amountOf(rule, currency, gross, remaining, scale);
            deductions.add(new Deduction(rule.code(), rule.label(), rule.rate(), rule.fixedIn(currency).orElse(null), amount));
            remaining = remaining.subtract(amount);
        }
        return new Breakdown(currency, gross, deductions, remaining.max(BigDecimal.ZERO.setScale(scale)));
    }

    /**
     * The price rule refuses a sale below the retail price before an order exists, so a negative
     * margin cannot reach here; clamped anyway, because a loss on one line must not eat the
     * partner's earnings on the others.
     */
    static BigDecimal lineMargin(OrderLine line) {
        BigDecimal margin = line.salePrice().subtract(line.retailPrice()).multiply(BigDecimal.valueOf(line.quantity()));
        return margin.max(BigDecimal.ZERO);
    }

    private static BigDecimal amountOf(DeductionRule rule, String currency, BigDecimal gross, BigDecimal remaining,
                                       int scale) {
        BigDecimal base = rule.base() == DeductionRule.Base.GROSS ? gross : remaining;
        BigDecimal raw = rule.rate().multiply(base).add(rule.fixedIn(currency).orElse(BigDecimal.ZERO));
        return scaled(raw, scale).min(remaining).max(BigDecimal.ZERO.setScale(scale));
    }

    /** Digits after the decimal point the currency is paid in: USD 2, VND 0. */
    static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        // pseudo-currencies (XXX) have none defined: pay them in whole units
        return Math.max(digits, 0);
    }

    private static BigDecimal scaled(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }
}
