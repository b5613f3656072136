package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.math.BigDecimal;

/** One item a supplier must ship: our SKU, the supplier's own SKU and the agreed unit cost. */
public record DispatchItem(int lineNo, String sku, String supplierSku, String title, int quantity,
                           BigDecimal unitCost) {
    public DispatchItem {
        Invariants.positive(quantity, "quantity");
        Invariants.nonNegative(unitCost, "unitCost");
    }
}
