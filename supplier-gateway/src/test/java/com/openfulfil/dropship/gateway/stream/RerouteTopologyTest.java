package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.RerouteRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R3.2: a refusal for stock, or an operator, moves the supplier's lines to the best backup offer of
 * the allocation.
 */
class RerouteTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final String SHENZHEN = "shenzhen-gadgets";
    private static final String LYON = "lyon-linen";
    private static final Instant AT = Instant.parse("2026-11-02T11:00:00Z");

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
                    Topics.FULFILMENT_COMMANDS.name())),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, SHENZHEN, LYON), new PackingInstructions(true, "Acme Home", ""))));

    @AfterEach
    void close() {
        harness.close();
    }

    /** MUG-001 at hanoi-crafts (backups shenzhen-gadgets, then lyon-linen), LAMP-010 at shenzhen-gadgets. */
    private void allocate(String orderId) {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation(orderId)
                .line("MUG-001", 2, HANOI, "HN-MUG-001", "4.20").backup(SHENZHEN, "SZ-MUG-9", "4.60")
                .backup(LYON, "LY-MUG", "5.10")
                .line("LAMP-010", 1, SHENZHEN, "SZ-LAMP-010", "14.00")
                .build());
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.read(Topics.supplierDispatch(HANOI));
        harness.read(Topics.supplierDispatch(SHENZHEN));
    }

    private void outOfStock(String orderId, String supplierId, String dispatchId, String eventId) {
        harness.pipe(Topics.supplierUpdates(supplierId).name(), orderId, new DispatchRejected(eventId, AT, orderId,
                dispatchId, supplierId, RejectionReason.OUT_OF_STOCK, "count was wrong"));
    }

    @Test
    void outOfStockMovesTheLinesToTheBestBackupAsANewDispatch() {
        allocate("o-1");
        String first = DispatchPlan.dispatchId("o-1", HANOI);

        outOfStock("o-1", HANOI, first, "rej-1");
        outOfStock("o-1", HANOI, first, "rej-1");

        List<DispatchRequested> toBackup = harness.readValues(Topics.supplierDispatch(SHENZHEN), DispatchRequested.class);
        assertThat(toBackup).as("once, though the refusal came twice").singleElement().satisfies(r -> {
            // shenzhen already has the lamp: the mug is a second dispatch there, with an id of its own
            assertThat(r.dispatchId()).isEqualTo(DispatchPlan.dispatchId("o-1", SHENZHEN, 2))
                    .isNotEqualTo(DispatchPlan.dispatchId("o-1", SHENZHEN));
            assertThat(r.items()).singleElement().satisfies(i -> {
                assertThat(i.supplierSku()).isEqualTo("SZ-MUG-9");
                assertThat(i.unitCost()).isEqualByComparingTo("4.60");
                assertThat(i.quantity()).isEqualTo(2);
            });
            assertThat(r.packing().brandName()).isEqualTo("Acme Home");
        });
        var news = harness.read(Topics.FULFILMENT_EVENTS).stream().map(kv -> kv.value).toList();
        assertThat(news).hasSize(2).noneMatch(SupplierRejected.class::isInstance);
        assertThat(news.get(0)).isInstanceOfSatisfying(DispatchRerouted.class, r -> {
            assertThat(r.dispatchId()).isEqualTo(first);
            assertThat(r.supplierId()).isEqualTo(HANOI);
            assertThat(r.newSupplierId()).isEqualTo(SHENZHEN);
            assertThat(r.newDispatchId()).isEqualTo(toBackup.get(0).dispatchId());
            assertThat(r.lines()).singleElement().satisfies(l -> {
                assertThat(l.chosen().supplierId()).isEqualTo(SHENZHEN);
                assertThat(l.backups()).extracting(o -> o.supplierId()).containsExactly(LYON);
            });
        });
        assertThat(news.get(1)).isInstanceOf(DispatchSent.class);
    }

    @Test
    void theBackupAnswersUnderItsOwnDispatchAndASecondRefusalTriesTheNextBackup() {
        allocate("o-2");
        outOfStock("o-2", HANOI, DispatchPlan.dispatchId("o-2", HANOI), "rej-1");
        String second = DispatchPlan.dispatchId("o-2", SHENZHEN, 2);
        harness.read(Topics.FULFILMENT_EVENTS);

        harness.pipe(Topics.supplierUpdates(SHENZHEN).name(), "o-2", new DispatchAccepted("acc", AT, "o-2", second, SHENZHEN));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SupplierAccepted.class)).singleElement()
                .satisfies(a -> assertThat(a.dispatchId()).isEqualTo(second));

        outOfStock("o-2", SHENZHEN, second, "rej-2");
        assertThat(harness.readValues(Topics.supplierDispatch(LYON), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.dispatchId()).isEqualTo(DispatchPlan.dispatchId("o-2", LYON)));
    }

    @Test
    void noBackupLeftReportsTheRefusalSoTheOrderGoesToException() {
        allocate("o-3");
        // the lamp has no backup
        outOfStock("o-3", SHENZHEN, DispatchPlan.dispatchId("o-3", SHENZHEN), "rej-1");

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SupplierRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.OUT_OF_STOCK));
        assertThat(harness.read(Topics.supplierDispatch(HANOI))).isEmpty();
        assertThat(harness.read(Topics.supplierDispatch(LYON))).isEmpty();
    }

    @Test
    void aRefusalForTheAddressIsNotRerouted() {
        allocate("o-4");
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-4", new DispatchRejected("rej", AT, "o-4",
                DispatchPlan.dispatchId("o-4", HANOI), HANOI, RejectionReason.ADDRESS, "no such street"));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SupplierRejected.class)).hasSize(1);
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).isEmpty();
    }

    private void operatorMoves(String orderId, String dispatchId, String supplierId, String eventId) {
        harness.pipe(Topics.FULFILMENT_COMMANDS, new RerouteRequested(eventId, AT, orderId, dispatchId, supplierId,
                "anna", "no answer for two days"));
    }

    @Test
    void anOperatorsRerouteAsksTheSupplierToCancelAndMovesTheLinesOnceItAgrees() {
        allocate("o-5");
        String first = DispatchPlan.dispatchId("o-5", HANOI);
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-5", new DispatchAccepted("acc", AT, "o-5", first, HANOI));
        harness.read(Topics.FULFILMENT_EVENTS);

        operatorMoves("o-5", first, HANOI, "cmd-1");
        operatorMoves("o-5", first, HANOI, "cmd-2");

        assertThat(harness.readValues(Topics.supplierDispatch(HANOI), CancellationRequested.class))
                .as("the supplier is asked once, though the operator clicked twice").singleElement()
                .satisfies(c -> {
                    assertThat(c.dispatchId()).isEqualTo(first);
                    assertThat(c.reason()).isEqualTo("moved to another supplier by the retailer's operations team");
                });
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).as("nothing moves before the supplier agrees")
                .isEmpty();

        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-5", new CancellationAccepted("c-ok", AT, "o-5", first,
                HANOI));

        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.items()).singleElement()
                        .satisfies(i -> assertThat(i.supplierSku()).isEqualTo("SZ-MUG-9")));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, DispatchRerouted.class)).singleElement()
                .satisfies(r -> {
                    assertThat(r.dispatchId()).isEqualTo(first);
                    assertThat(r.newSupplierId()).isEqualTo(SHENZHEN);
                    assertThat(r.reason()).isEqualTo("moved by anna: no answer for two days");
                });
    }

    @Test
    void aSupplierThatRefusesToCancelKeepsItsPart() {
        allocate("o-6");
        String first = DispatchPlan.dispatchId("o-6", HANOI);
        operatorMoves("o-6", first, HANOI, "cmd-1");
        harness.read(Topics.supplierDispatch(HANOI));

        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-6", new CancellationRejected("c-no", AT, "o-6", first,
                HANOI, "already packed"));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, CancellationRefused.class)).hasSize(1);
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).isEmpty();
        assertThat(harness.read(Topics.supplierDispatch(LYON))).isEmpty();
    }

    @Test
    void aShippedPartOrOneWithoutBackupsIsNotMoved() {
        allocate("o-7");
        String mug = DispatchPlan.dispatchId("o-7", HANOI);
        String lamp = DispatchPlan.dispatchId("o-7", SHENZHEN);
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-7", new DispatchShipped("shp", AT, "o-7", mug, HANOI,
                "VNPOST", List.of("VN123")));
        harness.read(Topics.FULFILMENT_EVENTS);

        operatorMoves("o-7", mug, HANOI, "cmd-1");
        // the lamp has no backup offer
        operatorMoves("o-7", lamp, SHENZHEN, "cmd-2");

        assertThat(harness.read(Topics.supplierDispatch(HANOI))).isEmpty();
        assertThat(harness.read(Topics.supplierDispatch(SHENZHEN))).isEmpty();
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }
}
