package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A line catalog split across two suppliers (no single one held the 5 mugs): each supplier's dispatch
 * carries its part with its units, each is checked against its own part when it ships, and a part
 * refused for stock moves alone, never to the supplier holding the line's other part.
 */
class SplitLineTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final String SHENZHEN = "shenzhen-gadgets";
    private static final String LYON = "lyon-linen";
    private static final Instant AT = Instant.parse("2026-11-02T11:00:00Z");
    private static final String ORDER = "o-split";

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name())),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, SHENZHEN, LYON), new PackingInstructions(true, "Acme Home", null))));
    private final String hanoiDispatch = DispatchPlan.dispatchId(ORDER, HANOI);
    private final String shenzhenDispatch = DispatchPlan.dispatchId(ORDER, SHENZHEN);

    /** MUG-001 × 5: 3 at hanoi-crafts, 2 at shenzhen-gadgets, lyon-linen the backup; LAMP-010 × 1 at shenzhen-gadgets. */
    @BeforeEach
    void allocate() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation(ORDER)
                .line("MUG-001", 5, HANOI, "HN-MUG-001", "4.20").backup(LYON, "LY-MUG", "5.10")
                .part(2, SHENZHEN, "SZ-MUG-9", "4.60")
                .line("LAMP-010", 1, SHENZHEN, "SZ-LAMP-010", "14.00")
                .build());
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static String units(List<DispatchItem> items) {
        return String.join(", ", items.stream().map(i -> i.lineNo() + ":" + i.supplierSku() + "x" + i.quantity())
                .toList());
    }

    @Test
    void eachSupplierGetsOneDispatchWithItsPartOfTheLine() {
        assertThat(harness.readValues(Topics.supplierDispatch(HANOI), DispatchRequested.class)).singleElement()
                .satisfies(r -> {
                    assertThat(r.dispatchId()).isEqualTo(hanoiDispatch);
                    assertThat(units(r.items())).isEqualTo("1:HN-MUG-001x3");
                });
        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), DispatchRequested.class)).singleElement()
                .satisfies(r -> {
                    assertThat(r.dispatchId()).isEqualTo(shenzhenDispatch);
                    assertThat(units(r.items())).isEqualTo("1:SZ-MUG-9x2, 2:SZ-LAMP-010x1");
                });
        assertThat(harness.read(Topics.supplierDispatch(LYON))).isEmpty();
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, DispatchSent.class))
                .extracting(s -> s.supplierId() + " " + units(s.items()))
                .containsExactly(HANOI + " 1:HN-MUG-001x3", SHENZHEN + " 1:SZ-MUG-9x2, 2:SZ-LAMP-010x1");
    }

    @Test
    void eachSupplierShipsNoMoreOfTheLineThanItsPart() {
        harness.read(Topics.FULFILMENT_EVENTS);

        assertThatThrownBy(() -> harness.pipe(Topics.supplierUpdates(HANOI).name(), ORDER, new DispatchShipped(
                "hn-too-many", AT, ORDER, hanoiDispatch, HANOI, "VNPOST", List.of("VN1"),
                List.of(new ShippedParcel("VN1", List.of(new ParcelItem(1, null, 4)))))))
                .rootCause().isInstanceOf(RefusedUpdateException.class)
                .hasMessageContaining("ships 4 of line 1 (MUG-001) but 3 are left to ship of the 3 dispatched");
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();

        harness.pipe(Topics.supplierUpdates(HANOI).name(), ORDER, new DispatchShipped("hn-ship", AT, ORDER,
                hanoiDispatch, HANOI, "VNPOST", List.of("VN1"), null));
        harness.pipe(Topics.supplierUpdates(SHENZHEN).name(), ORDER, new DispatchShipped("sz-ship", AT, ORDER,
                shenzhenDispatch, SHENZHEN, "SF", List.of("SF1"),
                List.of(new ShippedParcel("SF1", List.of(new ParcelItem(1, null, 2), new ParcelItem(2, null, 1))))));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ParcelsShipped.class))
                .extracting(s -> s.supplierId() + " " + String.join(", ", s.parcels().get(0).items().stream()
                        .map(i -> i.lineNo() + "x" + i.quantity()).toList()))
                .containsExactly(HANOI + " 1x3", SHENZHEN + " 1x2, 2x1");
    }

    @Test
    void aPartRefusedForStockMovesAloneAndNeverToTheSupplierHoldingTheOtherPart() {
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.read(Topics.supplierDispatch(SHENZHEN));

        harness.pipe(Topics.supplierUpdates(HANOI).name(), ORDER, new DispatchRejected("hn-rej", AT, ORDER,
                hanoiDispatch, HANOI, RejectionReason.OUT_OF_STOCK, null));

        assertThat(harness.readValues(Topics.supplierDispatch(LYON), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(units(r.items())).isEqualTo("1:LY-MUGx3"));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, DispatchRerouted.class)).singleElement()
                .satisfies(r -> {
                    assertThat(r.supplierId()).isEqualTo(HANOI);
                    assertThat(r.newSupplierId()).isEqualTo(LYON);
                    assertThat(r.lines()).singleElement().satisfies(l -> {
                        assertThat(l.lineNo()).isEqualTo(1);
                        assertThat(l.quantity()).isEqualTo(3);
                    });
                });
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).as("shenzhen keeps its own part only").isEmpty();

        // lyon-linen, the only backup, holds the first part now: the second has nowhere left to go
        harness.pipe(Topics.supplierUpdates(SHENZHEN).name(), ORDER, new DispatchRejected("sz-rej", AT, ORDER,
                shenzhenDispatch, SHENZHEN, RejectionReason.OUT_OF_STOCK, null));

        assertThat(harness.read(Topics.supplierDispatch(LYON))).isEmpty();
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, EscalatedToOps.class)).singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(EscalatedToOps.Cause.NO_BACKUP_LEFT));
    }
}
