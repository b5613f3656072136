package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.math.BigDecimal;

/**
 * One item a supplier must ship: our SKU, the supplier's own SKU, and the agreed terms of its offer:
 * {@code unitCost} and {@code shippingCost} (per unit, standard or expedited as the order asks) in
 * {@code currency}. What the retailer owes the supplier for the item is
 * {@code (unitCost + shippingCost) × quantity} (R3.4).
 */
public record DispatchItem(int lineNo, String sku, String supplierSku, String title, int quantity,
                           BigDecimal unitCost, BigDecimal shippingCost, String currency) {
    public DispatchItem {
        Invariants.positive(quantity, "quantity");
        Invariants.nonNegative(unitCost, "unitCost");
        Invariants.nonNegative(shippingCost, "shippingCost");
    }

    public DispatchItem(int lineNo, String sku, String supplierSku, String title, int quantity, BigDecimal unitCost) {
        this(lineNo, sku, supplierSku, title, quantity, unitCost, null, null);
    }
}
