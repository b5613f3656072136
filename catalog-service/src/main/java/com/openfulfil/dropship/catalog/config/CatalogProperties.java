package com.openfulfil.dropship.catalog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * catalog-service settings ({@code DROPSHIP_CATALOG_LOW_STOCK_THRESHOLD},
 * {@code DROPSHIP_CATALOG_DEMO_FEED_ENABLED}, ...).
 *
 * @param lowStockThreshold available stock at or below which a product raises {@code LowStock}
 * @param demoFeed          the demo catalog loaded at start-up (profile {@code demo})
 */
@ConfigurationProperties("dropship.catalog")
public record CatalogProperties(@DefaultValue("10") int lowStockThreshold, @DefaultValue DemoFeed demoFeed) {

    public CatalogProperties {
        if (lowStockThreshold < 0) {
            throw new IllegalArgumentException("dropship.catalog.low-stock-threshold must not be negative");
        }
    }

    /**
     * @param enabled  load the demo catalog when {@code catalog.feed} is still empty
     * @param location where the demo feed rows are (a JSON array of rows, each with its {@code supplierId})
     */
    public record DemoFeed(@DefaultValue("false") boolean enabled,
                           @DefaultValue("classpath:demo-catalog.json") String location) {
    }
}
