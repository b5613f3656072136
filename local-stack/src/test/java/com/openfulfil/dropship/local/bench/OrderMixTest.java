package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderMixTest {
    private final OrderMix mix = new OrderMix("t");
    private final List<PlannedOrder> orders = LongStream.range(0, 10_000).mapToObj(mix::order).toList();

    @Test
    void everyOrderHasOneToThreeDistinctLinesFromOneOrTwoSuppliers() {
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.lines()).hasSizeBetween(1, 3);
            assertThat(order.lines()).extracting(l -> l.product().sku()).doesNotHaveDuplicates();
            assertThat(order.suppliers()).hasSizeBetween(1, 2);
            assertThat(order.lines()).allSatisfy(l -> assertThat(l.quantity()).isBetween(1, 3));
        });
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
    void theSameSequenceNumberGivesTheSameOrderWithARunScopedReference() {
        assertThat(mix.order(42).body()).isEqualTo(new OrderMix("t").order(42).body());
        assertThat(mix.order(42).externalRef()).isEqualTo("BENCH-t-42");
        assertThat(new OrderMix("u").order(42).externalRef()).isNotEqualTo(mix.order(42).externalRef());
    }

    @Test
    void theSupplierMaskNamesTheSuppliersTheLinesGoTo() {
        PlannedOrder order = orders.stream().filter(o -> o.suppliers().size() == 2).findFirst().orElseThrow();

        int mask = OrderMix.supplierMask(order);

        assertThat(Integer.bitCount(mask)).isEqualTo(2);
        for (String supplier : order.suppliers()) {
            assertThat(mask >> DemoCatalog.SUPPLIERS.indexOf(supplier) & 1).isEqualTo(1);
        }
        assertThat(OrderMix.supplierIndex("nobody")).isEqualTo(-1);
    }

    @Test
    void partnerPricesAreTwentyPercentOverRetailInCents() {
        assertThat(OrderMix.partnerPrice(DemoCatalog.MUG)).isEqualByComparingTo(new BigDecimal("15.00"));
        assertThat(OrderMix.partnerPrice(OrderMix.PRODUCTS.get(4).product())).isEqualByComparingTo(new BigDecimal("9.00"));
    }
}
