package com.openfulfil.dropship.events.catalog;

/** Stock level alerts on {@code catalog.stock-alerts}, keyed by sku (R1.4). */
public sealed interface StockAlert extends CatalogMessage permits LowStock, OutOfStock, BackInStock {
    String sku();

    int available();
}
