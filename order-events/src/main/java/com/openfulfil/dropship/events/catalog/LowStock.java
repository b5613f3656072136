package com.openfulfil.dropship.events.catalog;

import java.time.Instant;

/** Available stock fell to or below the product's threshold. */
public record LowStock(String eventId, Instant occurredAt, String sku, int available, int threshold)
        implements StockAlert {
}
