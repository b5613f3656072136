package com.openfulfil.dropship.commission.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One tax or fee a site deducts from a partner's gross commission (R6.2): {@code rate} of its base,
 * plus a fixed amount in the order's currency where one is configured for it.
 *
 * @param fixed fixed amount per currency code; codes are upper-cased because environment
 *              variables (DROPSHIP_COMMISSION_DEDUCTIONS_1_FIXED_USD) arrive lower-cased
 */
public record DeductionRule(String code, String label, BigDecimal rate, Map<String, BigDecimal> fixed, Base base) {

    /** What the rate applies to. */
    public enum Base {
        /** the gross commission, whatever was deducted before (a tax on earnings) */
        GROSS,
        /** what is left after the deductions configured before this one (a fee on the net) */
        REMAINING
    }

    public DeductionRule {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A deduction needs a code");
        }
        label = label == null || label.isBlank() ? code : label;
        rate = rate == null ? BigDecimal.ZERO : rate;
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("Deduction " + code + ": rate must be between 0 and 1, was " + rate);
        }
        fixed = fixed == null ? Map.of() : fixed.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toUpperCase(Locale.ROOT), e -> nonNegative(code, e.getValue())));
        base = base == null ? Base.GROSS : base;
    }

    public Optional<BigDecimal> fixedIn(String currency) {
        return Optional.ofNullable(fixed.get(currency.toUpperCase(Locale.ROOT)));
    }

    private static BigDecimal nonNegative(String code, BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("Deduction " + code + ": a fixed amount must be zero or more, was " + amount);
        }
        return amount;
    }
}
