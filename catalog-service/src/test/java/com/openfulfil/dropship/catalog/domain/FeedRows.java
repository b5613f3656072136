package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.ShippingOption;

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
        return offer(sku, supplierId, cost, shipping, stock, priority, "USD");
    }

    /** A complete row whose amounts are in {@code currency}; it carries no retail price. */
    public static OfferFeedRow offer(String sku, String supplierId, String cost, String shipping, int stock,
                                     int priority, String currency) {
        return new OfferFeedRow(nextId(), AT, sku, supplierId, supplierId.toUpperCase() + "-" + sku,
                "Product " + sku, "About " + sku, List.of("https://cdn.example.com/" + sku + ".jpg"),
                new BigDecimal(cost), currency, stock, 2, new BigDecimal(shipping), priority,
                "USD".equals(currency) ? new BigDecimal("20.00") : null, null, null);
    }

    /** A row with the offer's cost and shipping options but no retail price: the price is left to the rules. */
    public static OfferFeedRow unpriced(String sku, String supplierId, String cost, int stock,
                                        List<ShippingOption> shipping) {
        return new OfferFeedRow(nextId(), AT, sku, supplierId, supplierId.toUpperCase() + "-" + sku, "Product " + sku,
                null, null, new BigDecimal(cost), "USD", stock, 2, null, null, null, shipping, null);
    }

    public static ShippingOption shipping(Priority service, String cost, int days) {
        return new ShippingOption(service, new BigDecimal(cost), days, null);
    }

    /** A stock-only row: everything else is left as it is. */
    public static OfferFeedRow stockOnly(String sku, String supplierId, int stock) {
        return new OfferFeedRow(nextId(), AT, sku, supplierId, supplierId.toUpperCase() + "-" + sku, null, null, null,
                null, null, stock, null, null, null, null, null, null);
    }

    private static String nextId() {
        return "feed-" + (++counter);
    }
}
