package com.openfulfil.dropship.catalog.domain;

import java.math.BigDecimal;

/**
 * The retailer's catalog rules.
 *
 * @param defaultMargin             a product without an explicit retail price sells at its best offer's
 *                                  landed cost × (1 + margin); null means every product needs an explicit price
 * @param defaultLowStockThreshold  available stock at or below which LowStock is raised, for a product
 *                                  whose feed sets no threshold of its own
 * @param rates                     how offers in different currencies are compared
 */
public record CatalogPolicy(BigDecimal defaultMargin, int defaultLowStockThreshold, ExchangeRates rates) {
    public CatalogPolicy {
        if (defaultMargin != null && defaultMargin.signum() < 0) {
            throw new IllegalArgumentException("the default margin must not be negative");
        }
        if (defaultLowStockThreshold < 0) {
            throw new IllegalArgumentException("the low-stock threshold must not be negative");
        }
        rates = rates == null ? ExchangeRates.USD_ONLY : rates;
    }

    /** Offers priced in US dollars only. */
    public CatalogPolicy(BigDecimal defaultMargin, int defaultLowStockThreshold) {
        this(defaultMargin, defaultLowStockThreshold, ExchangeRates.USD_ONLY);
    }
}
