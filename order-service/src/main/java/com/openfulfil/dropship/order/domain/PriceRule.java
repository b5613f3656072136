package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.OrderLine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The partner resale rule (R2.4): a partner may sell at the product's price (profit 0) or above
 * it (profit = the difference × quantity), never below.
 */
public final class PriceRule {
    public static final String BELOW_RETAIL = "Selling price cannot be lower than the product's price";

    private PriceRule() {
    }

    public static boolean isAllowed(BigDecimal salePrice, BigDecimal retailPrice) {
        return salePrice.compareTo(retailPrice) >= 0;
    }

    /** Gross profit of a partner order: Σ (sale − retail) × quantity. */
    public static BigDecimal grossProfit(List<OrderLine> lines) {
        return lines.stream()
                .map(l -> l.salePrice().subtract(l.retailPrice()).multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
