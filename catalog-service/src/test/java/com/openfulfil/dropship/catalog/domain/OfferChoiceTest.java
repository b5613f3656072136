package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.OfferRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static org.assertj.core.api.Assertions.assertThat;

/** Which offer a line is reserved at, and how the others are ranked as backups. */
class OfferChoiceTest {

    private static Product productWith(com.openfulfil.dropship.events.catalog.OfferFeedRow... rows) {
        Product product = Product.newProduct("MUG-001");
        for (var row : rows) {
            product = product.apply(row);
        }
        return product;
    }

    private static ReserveOutcome.Reserved reserve(Product product, int quantity, List<String> excluded) {
        ReserveOutcome outcome = product.reserve("o-1", 1, quantity, excluded, Priority.STANDARD, new CatalogPolicy(null, 10));
        assertThat(outcome).isInstanceOf(ReserveOutcome.Reserved.class);
        return (ReserveOutcome.Reserved) outcome;
    }

    private static List<String> suppliers(List<OfferRef> offers) {
        return offers.stream().map(OfferRef::supplierId).toList();
    }

    @Test
    void lowestLandedCostWinsNotLowestCost() {
        Product product = productWith(offer("MUG-001", "cheap-cost", "4.00", "3.00", 50, 1),
                offer("MUG-001", "cheap-landed", "4.50", "1.00", 50, 2));

        assertThat(reserve(product, 2, List.of()).parts().get(0).chosen().supplierId()).isEqualTo("cheap-landed");
    }

    @Test
    void anOfferThatCoversTheQuantityBeatsACheaperOneThatCannot() {
        Product product = productWith(offer("MUG-001", "cheap-but-short", "1.00", "0.50", 3, 1),
                offer("MUG-001", "dear-with-stock", "9.00", "2.00", 50, 2));

        ReserveOutcome.Reserved reserved = reserve(product, 5, List.of());

        assertThat(reserved.parts().get(0).chosen().supplierId()).isEqualTo("dear-with-stock");
        assertThat(suppliers(reserved.parts().get(0).backups())).containsExactly("cheap-but-short");
    }

    @Test
    void priorityBreaksATieOnLandedCost() {
        Product product = productWith(offer("MUG-001", "second", "4.00", "2.00", 50, 2),
                offer("MUG-001", "first", "5.00", "1.00", 50, 1));

        assertThat(reserve(product, 1, List.of()).parts().get(0).chosen().supplierId()).isEqualTo("first");
    }

    @Test
    void excludedSuppliersAreNeitherChosenNorBackups() {
        Product product = productWith(offer("MUG-001", "best", "1.00", "1.00", 50, 1),
                offer("MUG-001", "next", "2.00", "1.00", 50, 2),
                offer("MUG-001", "last", "3.00", "1.00", 50, 3));

        ReserveOutcome.Reserved reserved = reserve(product, 1, List.of("best"));

        assertThat(reserved.parts().get(0).chosen().supplierId()).isEqualTo("next");
        assertThat(suppliers(reserved.parts().get(0).backups())).containsExactly("last");
    }

    @Test
    void backupsAreRankedLikeTheChoiceStockFirstThenLandedCostThenPriority() {
        Product product = productWith(offer("MUG-001", "chosen", "1.00", "1.00", 50, 5),
                offer("MUG-001", "short-cheapest", "0.50", "0.50", 1, 1),
                offer("MUG-001", "stocked-dear", "8.00", "1.00", 50, 1),
                offer("MUG-001", "stocked-mid-prio2", "3.00", "1.00", 50, 2),
                offer("MUG-001", "stocked-mid-prio1", "3.50", "0.50", 50, 1));

        ReserveOutcome.Reserved reserved = reserve(product, 4, List.of());

        assertThat(reserved.parts().get(0).chosen().supplierId()).isEqualTo("chosen");
        assertThat(suppliers(reserved.parts().get(0).backups()))
                .containsExactly("stocked-mid-prio1", "stocked-mid-prio2", "stocked-dear", "short-cheapest");
    }

    @Test
    void aLineNoSingleOfferCoversIsSplitAcrossOffersInRankingOrder() {
        Product product = productWith(offer("MUG-001", "dear", "3.00", "1.00", 5, 1),
                offer("MUG-001", "cheap", "1.00", "1.00", 3, 2),
                offer("MUG-001", "mid", "2.00", "1.00", 4, 3));

        ReserveOutcome.Reserved reserved = reserve(product, 9, List.of());

        // the cheapest offers give all they have, the dearest only the rest
        assertThat(reserved.parts()).extracting(r -> r.chosen().supplierId() + ":" + r.quantity())
                .containsExactly("cheap:3", "mid:4", "dear:2");
        assertThat(reserved.parts()).allSatisfy(r -> assertThat(r.lineNo()).isEqualTo(1));
        assertThat(reserved.product().reserved("cheap")).isEqualTo(3);
        assertThat(reserved.product().reserved("mid")).isEqualTo(4);
        assertThat(reserved.product().reserved("dear")).isEqualTo(2);
        assertThat(reserved.product().available()).isEqualTo(3);
    }

    @Test
    void anOfferThatCoversTheWholeLineIsPreferredToASplit() {
        Product product = productWith(offer("MUG-001", "cheap-but-short", "1.00", "0.50", 3, 1),
                offer("MUG-001", "mid-but-short", "2.00", "0.50", 3, 2),
                offer("MUG-001", "dear-with-stock", "9.00", "2.00", 5, 3));

        ReserveOutcome.Reserved reserved = reserve(product, 5, List.of());

        assertThat(reserved.parts()).singleElement().satisfies(r -> {
            assertThat(r.chosen().supplierId()).isEqualTo("dear-with-stock");
            assertThat(r.quantity()).isEqualTo(5);
        });
    }

    @Test
    void aSplitLinesBackupsAreTheOffersHoldingNoPartOfIt() {
        Product product = productWith(offer("MUG-001", "a", "1.00", "1.00", 3, 1),
                offer("MUG-001", "b", "2.00", "1.00", 4, 2),
                offer("MUG-001", "sold-out", "0.50", "0.50", 0, 1),
                offer("MUG-001", "c", "3.00", "1.00", 2, 3));

        ReserveOutcome.Reserved reserved = reserve(product, 5, List.of());

        assertThat(reserved.parts()).extracting(r -> r.chosen().supplierId() + ":" + r.quantity())
                .containsExactly("a:3", "b:2");
        assertThat(reserved.parts()).allSatisfy(r -> assertThat(suppliers(r.backups())).containsExactly("sold-out", "c"));
    }

    @Test
    void aLineTheOffersTogetherCannotCoverIsUnavailableWithWhatTheyHaveAndHoldsNothing() {
        Product product = productWith(offer("MUG-001", "a", "1.00", "1.00", 3, 1),
                offer("MUG-001", "b", "2.00", "1.00", 4, 2));

        ReserveOutcome outcome = product.reserve("o-1", 1, 8, List.of(), Priority.STANDARD, new CatalogPolicy(null, 10));

        assertThat(outcome).isEqualTo(new ReserveOutcome.Unavailable(7, true));
    }

    @Test
    void aLinePinnedToOneSupplierIsNeverSplit() {
        Product product = productWith(offer("MUG-001", "a", "1.00", "1.00", 3, 1),
                offer("MUG-001", "b", "2.00", "1.00", 4, 2));

        ReserveOutcome outcome = product.reserve("o-1", 1, 5, product.suppliersOtherThan("b"), Priority.STANDARD,
                new CatalogPolicy(null, 10));

        assertThat(outcome).isEqualTo(new ReserveOutcome.Unavailable(4, true));
    }

    @Test
    void everySupplierExcludedIsUnavailable() {
        Product product = productWith(offer("MUG-001", "a", "1.00", "1.00", 30, 1));

        assertThat(product.reserve("o-1", 1, 1, List.of("a"), Priority.STANDARD, new CatalogPolicy(null, 10))).isEqualTo(new ReserveOutcome.Unavailable(0, true));
    }

    @Test
    void anUnknownProductIsUnavailableAndUnlisted() {
        assertThat(ReserveOutcome.noSuchProduct()).isEqualTo(new ReserveOutcome.Unavailable(0, false));
    }

    @Test
    void anOfferWithoutACostIsNeverChosen() {
        Product product = productWith(FeedRows.stockOnly("MUG-001", "unpriced", 100),
                offer("MUG-001", "priced", "9.00", "1.00", 10, 2));

        ReserveOutcome.Reserved reserved = reserve(product, 1, List.of());

        assertThat(reserved.parts().get(0).chosen().supplierId()).isEqualTo("priced");
        assertThat(reserved.parts().get(0).backups()).isEmpty();
    }

    @Test
    void offersInDifferentCurrenciesAreComparedInTheBaseCurrency() {
        // EUR 3.80 + 0.40 landed is USD 4.62 at 1.10; USD 4.20 + 0.20 is USD 4.40: the dollar offer is cheaper
        Product product = productWith(offer("MUG-001", "lyon-linen", "3.80", "0.40", 10, 1, "EUR"),
                offer("MUG-001", "hanoi-crafts", "4.20", "0.20", 10, 1, "USD"));
        CatalogPolicy rates = new CatalogPolicy(null, 10, new ExchangeRates("USD", Map.of("EUR", new BigDecimal("1.10"))));

        ReserveOutcome.Reserved held = (ReserveOutcome.Reserved) product.reserve("o-1", 1, 1, List.of(),
                Priority.STANDARD, rates);

        assertThat(held.parts().get(0).chosen().supplierId()).isEqualTo("hanoi-crafts");
        assertThat(suppliers(held.parts().get(0).backups())).containsExactly("lyon-linen");
    }

    @Test
    void aFeedRowInACurrencyWithoutARateIsRefusedWithTheSettingToAdd() {
        ExchangeRates usd = ExchangeRates.USD_ONLY;

        List<RowProblem> problems = FeedRules.check(offer("MUG-001", "lyon-linen", "3.80", "0.40", 10, 1, "EUR"), usd);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("currency");
            assertThat(p.reason()).contains("EUR has no exchange rate to USD").contains("dropship.catalog.exchange-rates.EUR");
        });
        assertThat(FeedRules.check(offer("MUG-001", "lyon-linen", "3.80", "0.40", 10, 1, "EUR"),
                new ExchangeRates("USD", Map.of("EUR", new BigDecimal("1.10"))))).isEmpty();
    }
}
