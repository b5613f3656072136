package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchCatalogTest {
    private static final BenchCatalog CATALOG = BenchCatalog.standard();

    @Test
    void tenThousandProductsFromTwentyFourSuppliersEachOfferedByOneToThree() {
        assertThat(CATALOG.skus()).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(CATALOG.suppliers()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(CATALOG.skus()).extracting(BenchCatalog.Sku::sku).doesNotHaveDuplicates();
        assertThat(CATALOG.skus()).allSatisfy(sku -> {
            assertThat(sku.offers()).hasSizeBetween(1, 3);
            assertThat(sku.offers()).extracting(BenchCatalog.Offer::supplierId).doesNotHaveDuplicates();
        });
        Map<Integer, Long> offerCounts = CATALOG.skus().stream()
                .collect(Collectors.groupingBy(s -> s.offers().size(), Collectors.counting()));
        assertThat(offerCounts).containsOnlyKeys(1, 2, 3);
        assertThat(CATALOG.supplierIds()).allSatisfy(id -> assertThat(id).matches("[a-z0-9][a-z0-9-]*"));
    }

    @Test
    void theFirstChoiceIsCheapestLandedAndHasMoreStockThanAnyRunSells() {
        for (int i = 0; i < CATALOG.skus().size(); i++) {
            BenchCatalog.Sku sku = CATALOG.skus().get(i);
            BenchCatalog.Offer first = sku.firstChoice();
            assertThat(first.stock()).isGreaterThanOrEqualTo(BenchCatalog.FIRST_CHOICE_STOCK);
            assertThat(first.landedCost()).isLessThan(sku.retail());
            sku.offers().stream().skip(1).forEach(backup -> {
                assertThat(backup.landedCost()).isGreaterThan(first.landedCost());
                assertThat(backup.priority()).isGreaterThan(first.priority());
            });
            assertThat(CATALOG.product(i).supplierId()).isEqualTo(first.supplierId());
            assertThat(CATALOG.product(i).sku()).isEqualTo(sku.sku());
        }
    }

    @Test
    void pricesCostsAndStockVaryAndTheSameSeedGivesTheSameCatalog() {
        BenchCatalog again = BenchCatalog.standard();
        BenchCatalog other = new BenchCatalog(BenchCatalog.SKUS, BenchCatalog.SUPPLIERS, 1.0, 7);

        assertThat(CATALOG.skus().stream().map(BenchCatalog.Sku::retail).distinct().count()).isGreaterThan(1000);
        assertThat(CATALOG.skus().stream().map(s -> s.firstChoice().stock()).distinct().count()).isGreaterThan(1000);
        assertThat(again.skus()).isEqualTo(CATALOG.skus());
        assertThat(other.skus()).isNotEqualTo(CATALOG.skus());
    }

    @Test
    void popularityFollowsZipfSoTheMostPopularProductSellsAboutOneInTen() {
        SplittableRandom random = new SplittableRandom(1);
        Map<Integer, Integer> counts = new HashMap<>();
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(CATALOG.popularProduct(random.nextDouble()), 1, Integer::sum);
        }
        double harmonic = 0;
        for (int k = 1; k <= CATALOG.skus().size(); k++) {
            harmonic += 1.0 / k;
        }
        double top = counts.getOrDefault(CATALOG.productAtRank(0), 0) / (double) draws;
        double second = counts.getOrDefault(CATALOG.productAtRank(1), 0) / (double) draws;
        double tenth = counts.getOrDefault(CATALOG.productAtRank(9), 0) / (double) draws;

        assertThat(top).isCloseTo(1 / harmonic, within(0.005));
        assertThat(top / second).isCloseTo(2.0, within(0.2));
        assertThat(top / tenth).isCloseTo(10.0, within(1.5));
        // the long tail: most products are ordered rarely, but many are ordered at all
        assertThat(counts.size()).isGreaterThan(5_000);
    }

    @Test
    void thePopularProductsAreSpreadOverTheSuppliers() {
        long suppliersOfTopHundred = java.util.stream.IntStream.range(0, 100)
                .mapToObj(rank -> CATALOG.product(CATALOG.productAtRank(rank)).supplierId()).distinct().count();

        assertThat(suppliersOfTopHundred).isGreaterThan(15);
    }

    @Test
    void aSuppliersOwnDrawOnlyGivesProductsItIsFirstChoiceFor() {
        SplittableRandom random = new SplittableRandom(2);
        for (int supplier = 0; supplier < CATALOG.suppliers().size(); supplier++) {
            String id = CATALOG.suppliers().get(supplier).id();
            for (int i = 0; i < 50; i++) {
                assertThat(CATALOG.product(CATALOG.popularProductOf(supplier, random.nextDouble())).supplierId())
                        .isEqualTo(id);
            }
        }
    }

    @Test
    void supplierGatewayIsToldEverySupplierOverKafkaWithItsCountry() {
        List<String> args = CATALOG.gatewayArgs();

        assertThat(args).hasSize(CATALOG.suppliers().size() * 4);
        assertThat(args).contains("--dropship.gateway.suppliers[0].id=" + CATALOG.suppliers().get(0).id(),
                "--dropship.gateway.suppliers[0].transport=kafka",
                "--dropship.gateway.suppliers[23].country=" + CATALOG.suppliers().get(23).country());
    }

    @Test
    void theFeedsSendEveryOfferOnceFirstChoicesAndBackupsApart() {
        Map<String, List<Map<String, Object>>> first = CATALOG.feeds(true);
        Map<String, List<Map<String, Object>>> backups = CATALOG.feeds(false);
        long offers = CATALOG.skus().stream().mapToLong(s -> s.offers().size()).sum();

        assertThat(first.values().stream().mapToLong(List::size).sum()).isEqualTo(CATALOG.skus().size());
        assertThat(first.values().stream().mapToLong(List::size).sum()
                + backups.values().stream().mapToLong(List::size).sum()).isEqualTo(offers);
        Map<String, Object> row = first.values().iterator().next().get(0);
        assertThat(row).containsKeys("sku", "supplierSku", "title", "retailPrice", "cost", "shippingCost", "currency",
                "stock", "priority", "hsCode", "countryOfOrigin");
        assertThat(row.get("currency")).isEqualTo("USD");
    }
}
