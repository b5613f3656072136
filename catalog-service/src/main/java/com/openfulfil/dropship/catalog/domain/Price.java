package com.openfulfil.dropship.catalog.domain;

import java.math.BigDecimal;

/**
 * A product's retail price and where it comes from. {@code belowBestCost} flags a price under the
 * cheapest landed cost of any offer: every sale would lose money.
 */
public record Price(BigDecimal amount, String currency, Source source, BigDecimal bestLandedCost,
                    boolean belowBestCost) {

    public enum Source {
        /** Set by the retailer (a feed row's retailPrice). */
        EXPLICIT,
        /** The best offer's landed cost plus the configured margin. */
        COST_PLUS
    }
}
