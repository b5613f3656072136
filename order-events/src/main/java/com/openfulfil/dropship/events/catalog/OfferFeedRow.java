package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of a supplier feed, keyed by our {@code sku} ({@code catalog.feed}, internal). A null
 * field was not in the feed and leaves the current value alone, so a stock-and-price feed is a
 * partial update. {@code retailPrice} is the retailer's price, set when the feed carries one;
 * {@code lowStockThreshold} is the product's, for its LowStock alerts. {@code hsCode} and
 * {@code countryOfOrigin} are the product's customs data (R3.7).
 */
public record OfferFeedRow(String eventId, Instant occurredAt, String sku, String supplierId, String supplierSku,
                           String title, String description, List<String> imageUrls, BigDecimal cost,
                           String currency, Integer stock, Integer handlingDays, BigDecimal shippingCost,
                           Integer priority, BigDecimal retailPrice, List<ShippingOption> shippingOptions,
                           Integer lowStockThreshold, String hsCode, String countryOfOrigin)
        implements CatalogMessage {

    public OfferFeedRow(String eventId, Instant occurredAt, String sku, String supplierId, String supplierSku,
                        String title, String description, List<String> imageUrls, BigDecimal cost, String currency,
                        Integer stock, Integer handlingDays, BigDecimal shippingCost, Integer priority,
                        BigDecimal retailPrice, List<ShippingOption> shippingOptions, Integer lowStockThreshold) {
        this(eventId, occurredAt, sku, supplierId, supplierSku, title, description, imageUrls, cost, currency, stock,
                handlingDays, shippingCost, priority, retailPrice, shippingOptions, lowStockThreshold, null, null);
    }
}
