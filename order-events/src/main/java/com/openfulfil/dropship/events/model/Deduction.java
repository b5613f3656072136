package com.openfulfil.dropship.events.model;

import java.math.BigDecimal;

/**
 * One tax or fee taken from a partner's gross commission: a percentage ({@code rate}, e.g. 0.10),
 * a fixed amount, or both; {@code amount} is what was actually deducted, in the order's currency.
 */
public record Deduction(String code, String label, BigDecimal rate, BigDecimal fixed, BigDecimal amount) {
}
