package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** No offer has stock left: the product is delisted. */
public record OutOfStock(String eventId, Instant occurredAt, String sku, int available, int threshold)
        implements StockAlert {
}
