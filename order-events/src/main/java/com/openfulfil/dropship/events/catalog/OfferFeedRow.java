package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of a supplier feed, keyed by our {@code sku} ({@code catalog.feed}, internal). A null
 * field was not in the feed and leaves the current value alone, so a stock-and-price feed is a
 * partial update. {@code retailPrice} is the retailer's price, set when the feed carries one;
 * {@code lowStockThreshold} is the product's, for its LowStock alerts.
 */
public record OfferFeedRow(String eventId, Instant occurredAt, String sku, String supplierId, String supplierSku,
                           String title, String description, List<String> imageUrls, BigDecimal cost,
                           String currency, Integer stock, Integer handlingDays, BigDecimal shippingCost,
                           Integer priority, BigDecimal retailPrice, List<ShippingOption> shippingOptions,
                           Integer lowStockThreshold) implements CatalogMessage {
}
