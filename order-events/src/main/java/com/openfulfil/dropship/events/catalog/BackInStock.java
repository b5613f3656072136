package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** Stock returned to a delisted product: it is listed again. */
public record BackInStock(String eventId, Instant occurredAt, String sku, int available, int threshold)
        implements StockAlert {
}
