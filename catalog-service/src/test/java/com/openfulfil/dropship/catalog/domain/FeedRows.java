package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Feed rows for tests: a full offer row, or a partial one with only some fields. */
public final class FeedRows {
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static int counter;

    private FeedRows() {
    }

    /** A complete row; the product's title and retail price come with it. */
    public static OfferFeedRow offer(String sku, String supplierId, String cost, String shipping, int stock,
                                     int priority) {
        return new OfferFeedRow(nextId(), AT, sku, supplierId, supplierId.toUpperCase() + "-" + sku,
                "Product " + sku, "About " + sku, List.of("https://cdn.example.com/" + sku + ".jpg"),
                new BigDecimal(cost), "USD", stock, 2, new BigDecimal(shipping), priority, new BigDecimal("20.00"));
    }

    /** A stock-only row: everything else is left as it is. */
    public static OfferFeedRow stockOnly(String sku, String supplierId, int stock) {
        return new OfferFeedRow(nextId(), AT, sku, supplierId, supplierId.toUpperCase() + "-" + sku, null, null, null,
                null, null, stock, null, null, null, null);
    }

    private static String nextId() {
        return "feed-" + (++counter);
    }
}
