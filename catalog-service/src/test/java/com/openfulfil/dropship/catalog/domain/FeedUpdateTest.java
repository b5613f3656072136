package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static org.assertj.core.api.Assertions.assertThat;

/** Feed rows are partial updates of one supplier's offer; a row that says nothing new changes nothing. */
class FeedUpdateTest {
    private final Product mug = Product.newProduct("MUG-001").apply(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 120, 1));

    @Test
    void aStockOnlyRowChangesTheStockAndLeavesEverythingElse() {
        Product after = mug.apply(FeedRows.stockOnly("MUG-001", "hanoi-crafts", 80));

        Offer before = mug.offer("hanoi-crafts").orElseThrow();
        assertThat(after.offer("hanoi-crafts").orElseThrow())
                .isEqualTo(new Offer("hanoi-crafts", before.supplierSku(), before.cost(), "USD", before.shippingCost(),
                        80, before.handlingDays(), before.priority(), before.shippingOptions(), 0));
        assertThat(after.title()).isEqualTo(mug.title());
        assertThat(after.retailPrice()).isEqualTo(mug.retailPrice());
        assertThat(after.imageUrls()).isEqualTo(mug.imageUrls());
    }

    @Test
    void aRowFromAnotherSupplierAddsAnOfferWithoutTouchingTheFirst() {
        Product after = mug.apply(offer("MUG-001", "shenzhen-gadgets", "4.60", "1.50", 50, 2));

        assertThat(after.offers()).extracting(Offer::supplierId).containsExactly("hanoi-crafts", "shenzhen-gadgets");
        assertThat(after.offer("hanoi-crafts")).isEqualTo(mug.offer("hanoi-crafts"));
        assertThat(after.available()).isEqualTo(170);
    }

    @Test
    void theRetailPriceChangesOnlyWhenTheRowCarriesOne() {
        OfferFeedRow price = new OfferFeedRow("p", Instant.EPOCH, "MUG-001", "hanoi-crafts", "HC-1", null, null, null,
                null, "USD", null, null, null, null, new BigDecimal("13.90"), null, null);

        assertThat(mug.apply(price).retailPrice()).isEqualByComparingTo("13.90");
        assertThat(mug.apply(price).offer("hanoi-crafts").orElseThrow().cost()).isEqualByComparingTo("4.20");
    }

    @Test
    void reImportingTheSameRowChangesNothing() {
        OfferFeedRow row = offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 120, 1);

        assertThat(mug.apply(row)).isEqualTo(mug);
    }

    @Test
    void theSameAmountWrittenWithAnotherScaleIsNoChange() {
        OfferFeedRow sameCost = new OfferFeedRow("p", Instant.EPOCH, "MUG-001", "hanoi-crafts", null, null, null, null,
                new BigDecimal("4.2"), "USD", null, null, new BigDecimal("1.800"), null, new BigDecimal("20"), null, null);

        assertThat(mug.apply(sameCost)).isEqualTo(mug);
    }

    @Test
    void aNewOfferWithOnlyStockIsNotSellableUntilItIsPriced() {
        Product stocked = Product.newProduct("NEW-1").apply(FeedRows.stockOnly("NEW-1", "lyon-linen", 30));
        Product priced = stocked.apply(new OfferFeedRow("p", Instant.EPOCH, "NEW-1", "lyon-linen", null, null, null,
                List.of(), new BigDecimal("6.50"), "USD", null, null, null, null, null, null, null));

        assertThat(stocked.available()).isZero();
        assertThat(priced.available()).isEqualTo(30);
        assertThat(priced.offer("lyon-linen").orElseThrow().landedCost()).isEqualByComparingTo("6.50");
    }
}
