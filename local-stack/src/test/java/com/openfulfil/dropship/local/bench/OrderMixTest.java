package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderMixTest {
    private static final BenchCatalog CATALOG = BenchCatalog.standard();
    private final OrderMix mix = new OrderMix("t", CATALOG);
    private final List<PlannedOrder> orders = LongStream.range(0, 10_000).mapToObj(mix::order).toList();

    @Test
    void everyOrderHasOneToThreeDistinctLinesFromOneOrTwoSuppliersOfTheCatalog() {
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.lines()).hasSizeBetween(1, 3);
            assertThat(order.lines()).extracting(l -> l.product().sku()).doesNotHaveDuplicates();
            assertThat(order.suppliers()).hasSizeBetween(1, 2);
            assertThat(order.suppliers()).allSatisfy(s -> assertThat(CATALOG.supplierIndex(s)).isNotNegative());
            assertThat(order.lines()).allSatisfy(l -> assertThat(l.quantity()).isBetween(1, 3));
        });
    }

    @Test
    void eachLineGoesToItsProductsFirstChoiceSupplier() {
        Map<String, BenchCatalog.Sku> bySku = CATALOG.skus().stream()
                .collect(Collectors.toMap(BenchCatalog.Sku::sku, Function.identity()));

        assertThat(orders.stream().flatMap(o -> o.lines().stream())).allSatisfy(l ->
                assertThat(l.product().supplierId()).isEqualTo(bySku.get(l.product().sku()).firstChoice().supplierId()));
    }

    @Test
    void aboutThirtyPercentArePartnerOrdersPricedAboveRetail() {
        List<PlannedOrder> partner = orders.stream().filter(PlannedOrder::isPartner).toList();

        assertThat(partner.size() / (double) orders.size()).isCloseTo(0.30, within(0.02));
        assertThat(partner).allSatisfy(order -> assertThat(order.lines()).allSatisfy(l ->
                assertThat(l.salePrice()).isGreaterThan(l.product().retail())));
        assertThat(orders.stream().filter(o -> !o.isPartner()).flatMap(o -> o.lines().stream()))
                .allSatisfy(l -> assertThat(l.salePrice()).isNull());
    }

    @Test
    void theMixSpreadsOverLineCountsAndSupplierCounts() {
        double oneLine = orders.stream().filter(o -> o.lines().size() == 1).count() / (double) orders.size();
        double twoSuppliers = orders.stream().filter(o -> o.suppliers().size() == 2).count() / (double) orders.size();

        assertThat(oneLine).isCloseTo(0.40, within(0.02));
        assertThat(twoSuppliers).isCloseTo(0.24, within(0.02));
        assertThat(OrderMix.lineCount(0.0)).isEqualTo(1);
        assertThat(OrderMix.lineCount(0.5)).isEqualTo(2);
        assertThat(OrderMix.lineCount(0.99)).isEqualTo(3);
    }

    @Test
    void linesFollowThePopularityOfTheCatalogAFewHotProductsAndALongTail() {
        Map<String, Long> perSku = orders.stream().flatMap(o -> o.lines().stream())
                .collect(Collectors.groupingBy(l -> l.product().sku(), Collectors.counting()));
        long lines = perSku.values().stream().mapToLong(Long::longValue).sum();
        String hottest = CATALOG.product(CATALOG.productAtRank(0)).sku();

        assertThat(perSku.get(hottest) / (double) lines).isGreaterThan(0.05);
        assertThat(perSku.values().stream().max(Long::compare).orElseThrow()).isEqualTo(perSku.get(hottest));
        assertThat(perSku.size()).isGreaterThan(3_000);
        assertThat(orders.stream().flatMap(o -> o.suppliers().stream()).distinct().count())
                .isEqualTo(CATALOG.suppliers().size());
    }

    @Test
    void theSameSequenceNumberGivesTheSameOrderWithARunScopedReference() {
        assertThat(mix.order(42).body()).isEqualTo(new OrderMix("t", CATALOG).order(42).body());
        assertThat(mix.order(42).externalRef()).isEqualTo("BENCH-t-42");
        assertThat(new OrderMix("u", CATALOG).order(42).externalRef()).isNotEqualTo(mix.order(42).externalRef());
    }

    @Test
    void theSupplierMaskNamesTheSuppliersTheLinesGoTo() {
        PlannedOrder order = orders.stream().filter(o -> o.suppliers().size() == 2).findFirst().orElseThrow();

        long mask = mix.supplierMask(order);

        assertThat(Long.bitCount(mask)).isEqualTo(2);
        for (String supplier : order.suppliers()) {
            assertThat(mask >> CATALOG.supplierIndex(supplier) & 1).isEqualTo(1);
        }
        assertThat(CATALOG.supplierIndex("nobody")).isEqualTo(-1);
    }

    @Test
    void partnerPricesAreTwentyPercentOverRetailInCents() {
        assertThat(OrderMix.partnerPrice(DemoCatalog.MUG)).isEqualByComparingTo(new BigDecimal("15.00"));
        assertThat(OrderMix.partnerPrice(new DemoCatalog.Product("X", "x", new BigDecimal("7.50"), "s")))
                .isEqualByComparingTo(new BigDecimal("9.00"));
    }
}
