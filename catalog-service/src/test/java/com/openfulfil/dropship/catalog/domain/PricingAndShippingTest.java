package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.Priority;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static com.openfulfil.dropship.catalog.domain.FeedRows.shipping;
import static com.openfulfil.dropship.catalog.domain.FeedRows.unpriced;
import static org.assertj.core.api.Assertions.assertThat;

/** Retail price rules (explicit, or cost plus margin, flagged below cost), shipping by service level, thresholds. */
class PricingAndShippingTest {
    private static final CatalogPolicy NO_MARGIN = new CatalogPolicy(null, 10);
    private static final CatalogPolicy MARGIN_60 = new CatalogPolicy(new BigDecimal("0.60"), 10);

    @Test
    void anExplicitPriceWinsAndIsNotFlaggedAboveCost() {
        Product mug = Product.newProduct("MUG-001").apply(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 100, 1));

        Price price = mug.price(MARGIN_60).orElseThrow();
        assertThat(price.amount()).isEqualByComparingTo("20.00");
        assertThat(price.source()).isEqualTo(Price.Source.EXPLICIT);
        assertThat(price.bestLandedCost()).isEqualByComparingTo("6.00");
        assertThat(price.belowBestCost()).isFalse();
    }

    @Test
    void withoutAnExplicitPriceTheBestLandedCostPlusTheMarginIsThePrice() {
        Product bowl = Product.newProduct("BOWL-002")
                .apply(unpriced("BOWL-002", "a", "3.00", 50, List.of(shipping(Priority.STANDARD, "1.15", 7))))
                .apply(unpriced("BOWL-002", "b", "3.50", 50, List.of(shipping(Priority.STANDARD, "0.10", 5))));

        Price price = bowl.price(MARGIN_60).orElseThrow();
        assertThat(price.source()).isEqualTo(Price.Source.COST_PLUS);
        assertThat(price.amount()).as("(3.50 + 0.10) × 1.60, the cheaper landed cost").isEqualByComparingTo("5.76");
        assertThat(bowl.listed(MARGIN_60)).isTrue();
        assertThat(bowl.price(NO_MARGIN)).as("no margin configured: the product needs a price").isEmpty();
        assertThat(bowl.listed(NO_MARGIN)).isFalse();
    }

    @Test
    void costPlusRoundsToTheCurrencysMinorUnit() {
        OfferFeedRow vnd = new OfferFeedRow("v", Instant.EPOCH, "HAT-6", "hanoi-crafts", "HC-6", "Nón lá", null, null,
                new BigDecimal("101111"), "VND", 10, 2, BigDecimal.ZERO, 1, null, null, null);

        BigDecimal amount = Product.newProduct("HAT-6").apply(vnd).price(MARGIN_60).orElseThrow().amount();
        assertThat(amount).as("101111 × 1.60 = 161777.6, half up").isEqualByComparingTo("161778");
        assertThat(amount.scale()).as("VND has no minor unit").isZero();
    }

    @Test
    void aRetailPriceBelowTheBestCostIsFlagged() {
        OfferFeedRow cheap = new OfferFeedRow("p", Instant.EPOCH, "MUG-001", "hanoi-crafts", "HC-1", null, null, null,
                new BigDecimal("4.20"), "USD", 10, 2, new BigDecimal("1.80"), 1, new BigDecimal("5.99"), null, null);

        Price price = Product.newProduct("MUG-001").apply(cheap).price(NO_MARGIN).orElseThrow();
        assertThat(price.belowBestCost()).isTrue();
        assertThat(price.bestLandedCost()).isEqualByComparingTo("6.00");
    }

    @Test
    void anExpeditedOrderComparesOffersByTheirExpeditedShipping() {
        Product lamp = Product.newProduct("LAMP-010")
                .apply(unpriced("LAMP-010", "slow-cheap", "14.00", 50,
                        List.of(shipping(Priority.STANDARD, "2.00", 9), shipping(Priority.EXPEDITED, "12.00", 3))))
                .apply(unpriced("LAMP-010", "fast", "15.00", 50,
                        List.of(shipping(Priority.STANDARD, "3.00", 6), shipping(Priority.EXPEDITED, "4.00", 2))));

        var standard = (ReserveOutcome.Reserved) lamp.reserve("o-1", 1, 1, List.of(), Priority.STANDARD, new CatalogPolicy(null, 10));
        var expedited = (ReserveOutcome.Reserved) lamp.reserve("o-2", 1, 1, List.of(), Priority.EXPEDITED, new CatalogPolicy(null, 10));
        assertThat(standard.parts().get(0).chosen().supplierId()).isEqualTo("slow-cheap");
        assertThat(expedited.parts().get(0).chosen().supplierId()).isEqualTo("fast");
        assertThat(expedited.parts().get(0).chosen().shippingCost()).as("the expedited rate").isEqualByComparingTo("4.00");
    }

    @Test
    void shippingOptionsWithoutAFlatRateMakeStandardTheFlatRate() {
        Offer offer = Product.newProduct("X").apply(unpriced("X", "a", "1.00", 5,
                List.of(shipping(Priority.STANDARD, "0.75", 7)))).offer("a").orElseThrow();
        assertThat(offer.shippingCost()).isEqualByComparingTo("0.75");
        assertThat(offer.landedCost(Priority.EXPEDITED)).as("no expedited option: the flat rate").isEqualByComparingTo("1.75");
    }

    @Test
    void aProductsOwnThresholdBeatsTheDefault() {
        OfferFeedRow withThreshold = new OfferFeedRow("t", Instant.EPOCH, "CANDLE-025", "lyon-linen", "LL-25", null,
                null, null, null, null, null, null, null, null, null, null, 40);
        Product candle = Product.newProduct("CANDLE-025").apply(offer("CANDLE-025", "lyon-linen", "5.00", "1.00", 60, 1));

        assertThat(candle.lowStockThreshold(NO_MARGIN)).isEqualTo(10);
        assertThat(candle.apply(withThreshold).lowStockThreshold(NO_MARGIN)).isEqualTo(40);
        assertThat(candle.apply(withThreshold).apply(FeedRows.stockOnly("CANDLE-025", "lyon-linen", 50))
                .lowStockThreshold(NO_MARGIN)).as("a later row without one keeps it").isEqualTo(40);
    }
}
