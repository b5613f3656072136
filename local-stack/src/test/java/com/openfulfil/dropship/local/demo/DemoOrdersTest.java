package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrdersTest {
    private final List<PlannedOrder> plan = DemoOrders.plan("run1", 100);

    @Test
    void mixesSingleAndMultiSupplierStorefrontOrdersPartnerOrdersAndScarceOnes() {
        assertThat(plan).hasSize(100);
        assertThat(plan).filteredOn(o -> o.kind() == PlannedOrder.Kind.SCARCE).hasSize(5)
                .allSatisfy(o -> assertThat(o.expected()).isEqualTo(OrderStatus.REJECTED));
        assertThat(plan).filteredOn(PlannedOrder::isPartner).hasSize(25);
        assertThat(plan).filteredOn(o -> o.kind() == PlannedOrder.Kind.STOREFRONT_MULTI).hasSize(20)
                .allSatisfy(o -> assertThat(o.suppliers()).hasSizeGreaterThan(1));
        assertThat(plan).filteredOn(o -> o.kind() == PlannedOrder.Kind.STOREFRONT_SINGLE).hasSize(50)
                .allSatisfy(o -> assertThat(o.suppliers()).hasSize(1));
    }

    @Test
    void scarceOrdersAskForMoreScarvesThanThereAre() {
        assertThat(plan).filteredOn(o -> o.kind() == PlannedOrder.Kind.SCARCE)
                .flatExtracting(PlannedOrder::lines)
                .allSatisfy(l -> {
                    assertThat(l.product()).isEqualTo(DemoCatalog.SCARF);
                    assertThat(l.quantity()).isEqualTo(4);
                });
    }

    @Test
    void partnerLinesAreSoldAboveRetailAndCarryTheSalePrice() {
        assertThat(plan).filteredOn(PlannedOrder::isPartner).flatExtracting(PlannedOrder::lines)
                .allSatisfy(l -> assertThat(l.salePrice()).isGreaterThan(l.product().retail()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) plan.stream().filter(PlannedOrder::isPartner)
                .findFirst().orElseThrow().body().get("lines");
        assertThat(lines).allSatisfy(l -> assertThat(l).containsKey("salePrice"));
    }

    @Test
    void externalReferencesAreUniqueWithinARunAndDifferBetweenRuns() {
        assertThat(plan).extracting(PlannedOrder::externalRef).doesNotHaveDuplicates();
        assertThat(DemoOrders.plan("run2", 1).get(0).externalRef()).isNotEqualTo(plan.get(0).externalRef());
    }
}
