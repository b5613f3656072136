package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;

/**
 * Units of one item of a dispatch in one parcel. A supplier names the item by the dispatch's
 * {@code lineNo}, by {@code sku} (ours or its own {@code supplierSku}), or both; supplier-gateway
 * writes both, with our sku and the item's {@code title}, on what it passes on.
 */
public record ParcelItem(Integer lineNo, String sku, int quantity, String title) {
    public ParcelItem {
        Invariants.positive(quantity, "quantity");
        if (lineNo == null && (sku == null || sku.isBlank())) {
            throw new IllegalArgumentException("a parcel item must name its lineNo or its sku");
        }
    }

    /** As a supplier names it: the line, the sku or both, and how many units. */
    public ParcelItem(Integer lineNo, String sku, int quantity) {
        this(lineNo, sku, quantity, null);
    }
}
