package com.openfulfil.dropship.partner.domain;

import java.math.BigDecimal;

/**
 * What a partner earns before taxes and fees on one product (R2.4): (selling price − the
 * product's price) × quantity. Negative when the price is below the product's: such an order is
 * refused by order-service, and the dialog shows the shortfall while the partner types.
 */
public final class GrossProfit {
    private GrossProfit() {
    }

    public static BigDecimal of(BigDecimal sellingPrice, BigDecimal productPrice, int quantity) {
        return sellingPrice.subtract(productPrice).multiply(BigDecimal.valueOf(quantity));
    }

    /** Selling at the product's price (profit 0) or above it is allowed; below it never is. */
    public static boolean isAllowed(BigDecimal sellingPrice, BigDecimal productPrice) {
        return sellingPrice.compareTo(productPrice) >= 0;
    }
}
