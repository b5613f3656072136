package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.math.BigDecimal;

/**
 * One line of an order. {@code retailPrice} is the product's price when the order was placed;
 * {@code salePrice} is what the customer pays per unit: the retail price on a storefront order,
 * the partner's chosen price on a partner order (never below the retail price, R2.4).
 * {@code hsCode} and {@code countryOfOrigin} are the product's customs data when the order was placed
 * (R3.7); absent for a product the catalog has none for. {@code supplierId}, on a replacement
 * order's line, is the supplier that shipped the units it replaces: allocation prefers it when it
 * holds the stock (the supplier reships, R5.1); absent on every other order.
 */
public record OrderLine(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                        BigDecimal salePrice, String hsCode, String countryOfOrigin, String supplierId) {
    public OrderLine {
        Invariants.positive(quantity, "quantity");
        Invariants.nonNegative(retailPrice, "retailPrice");
        Invariants.nonNegative(salePrice, "salePrice");
    }

    public OrderLine(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                     BigDecimal salePrice, String hsCode, String countryOfOrigin) {
        this(lineNo, sku, title, quantity, retailPrice, salePrice, hsCode, countryOfOrigin, null);
    }

    public OrderLine(int lineNo, String sku, String title, int quantity, BigDecimal retailPrice,
                     BigDecimal salePrice) {
        this(lineNo, sku, title, quantity, retailPrice, salePrice, null, null, null);
    }
}
