package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.gateway.Allocations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchPlanTest {

    @Test
    void splitsAnOrderIntoOneDispatchPerChosenSupplier() {
        StockAllocated allocated = Allocations.twoSuppliers("o-1");

        List<Dispatch> dispatches = DispatchPlan.split(allocated, OrderFixtures.T0);

        assertThat(dispatches).extracting(Dispatch::supplierId).containsExactly("hanoi-crafts", "shenzhen-gadgets");
        assertThat(dispatches.get(0).items()).containsExactly(
                new DispatchItem(1, "MUG-001", "HN-MUG-001", "Product MUG-001", 2, new BigDecimal("4.20"),
                        new BigDecimal("1.50"), "USD"),
                new DispatchItem(3, "TOWEL-020", "HN-TOWEL-020", "Product TOWEL-020", 3, new BigDecimal("7.90"),
                        new BigDecimal("1.50"), "USD"));
        assertThat(dispatches.get(1).items()).containsExactly(
                new DispatchItem(2, "LAMP-010", "SZ-LAMP-010", "Product LAMP-010", 1, new BigDecimal("14.00"),
                        new BigDecimal("1.50"), "USD"));
        assertThat(dispatches).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DispatchStatus.SENT);
            assertThat(d.trackingNumbers()).isEmpty();
        });
    }

    @Test
    void theDispatchIdDependsOnOrderAndSupplierOnlySoARetryKeepsIt() {
        StockAllocated first = Allocations.twoSuppliers("o-1");
        StockAllocated retried = Allocations.anAllocation("o-1").eventId("another-allocation-event")
                .line("MUG-001", 2, "hanoi-crafts", "HN-MUG-001", "4.20").build();

        String id = DispatchPlan.split(first, OrderFixtures.T0).get(0).dispatchId();

        assertThat(DispatchPlan.split(retried, OrderFixtures.T0).get(0).dispatchId()).isEqualTo(id);
        assertThat(id).isEqualTo(DispatchPlan.dispatchId("o-1", "hanoi-crafts"));
        assertThat(DispatchPlan.dispatchId("o-1", "shenzhen-gadgets")).isNotEqualTo(id);
        assertThat(DispatchPlan.dispatchId("o-2", "hanoi-crafts")).isNotEqualTo(id);
    }

    @Test
    void eachPartOfASplitLineGoesToItsSuppliersDispatchWithItsUnits() {
        StockAllocated allocated = Allocations.anAllocation("o-1")
                .line("MUG-001", 5, "hanoi-crafts", "HN-MUG-001", "4.20").part(2, "shenzhen-gadgets", "SZ-MUG-9", "4.60")
                .line("LAMP-010", 1, "shenzhen-gadgets", "SZ-LAMP-010", "14.00")
                .build();

        List<Dispatch> dispatches = DispatchPlan.split(allocated, OrderFixtures.T0);

        assertThat(dispatches).extracting(Dispatch::supplierId).containsExactly("hanoi-crafts", "shenzhen-gadgets");
        assertThat(dispatches.get(0).items()).extracting(i -> i.lineNo() + ":" + i.supplierSku() + "x" + i.quantity())
                .containsExactly("1:HN-MUG-001x3");
        assertThat(dispatches.get(1).items()).extracting(i -> i.lineNo() + ":" + i.supplierSku() + "x" + i.quantity())
                .containsExactly("1:SZ-MUG-9x2", "2:SZ-LAMP-010x1");
    }
}
