package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.math.BigDecimal;

/**
 * One line of an order. {@code retailPrice} is the product's price when the order was placed;
 * {@code salePrice} is what the customer pays per unit: the retail price on a storefront order,
 * the partner's chosen price on a partner order (never below the retail price, R2.4).
 * {@code hsCode} and {@code countryOfOrigin} are the product's customs data when the order was placed
 * (R3.7); absent for a product the catalog has none for.
 */
public record OrderLine(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                        BigDecimal salePrice, String hsCode, String countryOfOrigin) {
    public OrderLine {
        Invariants.positive(quantity, "quantity");
        Invariants.nonNegative(retailPrice, "retailPrice");
        Invariants.nonNegative(salePrice, "salePrice");
    }

    public OrderLine(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                     BigDecimal salePrice) {
        this(lineNo, sku, title, quantity, retailPrice, salePrice, null, null);
    }
}
