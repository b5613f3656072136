package com.openfulfil.dropship.catalog.config;

import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.ExchangeRates;
import com.openfulfil.dropship.events.topics.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * catalog-service settings ({@code DROPSHIP_CATALOG_LOW_STOCK_THRESHOLD},
 * {@code DROPSHIP_CATALOG_DEMO_FEED_ENABLED}, ...).
 *
 * @param lowStockThreshold available stock at or below which a product raises {@code LowStock}, unless its
 *                          feed sets a threshold of its own
 * @param defaultMargin     products without an explicit retail price sell at their best offer's landed cost
 *                          × (1 + margin), e.g. 0.60; unset, every product needs an explicit price
 * @param demoFeed          the demo catalog loaded at start-up (profile {@code demo})
 * @param baseCurrency      the currency offers' landed costs are compared in
 * @param exchangeRates     what one unit of another currency is worth in the base currency
 *                          ({@code DROPSHIP_CATALOG_EXCHANGE_RATES_EUR=1.08}); offers in a currency without a
 *                          rate are refused by the feed, since they could not be ranked
 * @param stockPublishInterval how often products whose stock changed are published on {@code catalog.products};
 *                          a change of listing, price or offers, and a sell-out, is published at once
 * @param adminKeySha256    SHA-256 (hex) of the admin API key, which writes any feed and reads products in full
 *                          ({@code DROPSHIP_CATALOG_ADMIN_KEY_SHA256}); none: nobody has the admin's rights
 * @param suppliers         the suppliers that push their feeds, each with its feed key's SHA-256
 *                          ({@code DROPSHIP_CATALOG_SUPPLIERS_0_ID}, {@code _FEED_KEY_SHA256})
 */
@ConfigurationProperties("dropship.catalog")
public record CatalogProperties(@DefaultValue("10") int lowStockThreshold, BigDecimal defaultMargin,
                                @DefaultValue DemoFeed demoFeed, @DefaultValue List<PullFeed> pullFeeds,
                                @DefaultValue("USD") String baseCurrency, Map<String, BigDecimal> exchangeRates,
                                @DefaultValue("5s") Duration stockPublishInterval, String adminKeySha256,
                                @DefaultValue List<FeedKey> suppliers) {

    public CatalogProperties {
        if (lowStockThreshold < 0) {
            throw new IllegalArgumentException("dropship.catalog.low-stock-threshold must not be negative");
        }
        Set<String> seen = new HashSet<>();
        for (FeedKey supplier : suppliers) {
            if (supplier.id() == null || !Topics.isValidSupplierId(supplier.id()) || !seen.add(supplier.id())) {
                throw new IllegalArgumentException("dropship.catalog.suppliers: id '" + supplier.id()
                        + "' must be a supplier id (lower-case letters, digits and '-'), once");
            }
        }
    }

    public CatalogPolicy policy() {
        return new CatalogPolicy(defaultMargin, lowStockThreshold, new ExchangeRates(baseCurrency, exchangeRates));
    }

    /**
     * A supplier feed fetched from the supplier's URL every {@code interval}.
     *
     * @param format {@code csv} or {@code json}
     */
    public record PullFeed(String supplierId, URI url, @DefaultValue("csv") String format,
                           @DefaultValue("15m") Duration interval) {
    }

    /**
     * A supplier allowed to push its own feed: it sends its feed key in {@code X-Api-Key}, configured
     * here only as the key's SHA-256 (hex). A supplier with no hash configured cannot push.
     */
    public record FeedKey(String id, String feedKeySha256) {
        @Override
        public String toString() {
            return "FeedKey[id=" + id + "]";
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
