package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** R3.5 on a controlled clock: deadlines fire when wall-clock time passes them, once, by each supplier's policy. */
class SlaTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final String SHENZHEN = "shenzhen-gadgets";
    private static final String LYON = "lyon-linen";

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name())),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, SHENZHEN, LYON), new PackingInstructions(true, "Acme Home", ""),
                    Map.of(HANOI, new SlaTerms(Duration.ofHours(24), Duration.ofHours(48), SlaTerms.Policy.ESCALATE,
                                    new BigDecimal("5")),
                            SHENZHEN, new SlaTerms(Duration.ofHours(12), Duration.ofHours(36), SlaTerms.Policy.REROUTE,
                                    new BigDecimal("10"))),
                    Duration.ofMinutes(1))));

    @AfterEach
    void close() {
        harness.close();
    }

    private void allocate(String orderId, String supplierId) {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation(orderId)
                .line("MUG-001", 2, supplierId, "SKU-1", "4.20").backup(LYON, "LY-MUG", "5.10").build());
        harness.read(Topics.FULFILMENT_EVENTS);
        harness.read(Topics.supplierDispatch(supplierId));
    }

    @Test
    void aMissedAcceptDeadlineIsEscalatedOnceWithThePenalty() {
        allocate("o-1", HANOI);
        String dispatch = DispatchPlan.dispatchId("o-1", HANOI);

        harness.advance(Duration.ofHours(23));
        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).as("not yet due").isEmpty();

        harness.advance(Duration.ofHours(2));
        harness.advance(Duration.ofHours(2));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SlaBreached.class)).as("once").singleElement()
                .satisfies(b -> {
                    assertThat(b.dispatchId()).isEqualTo(dispatch);
                    assertThat(b.deadline()).isEqualTo(SlaDeadline.ACCEPT);
                    assertThat(b.action()).isEqualTo(SlaBreached.Action.ESCALATED);
                    assertThat(b.penaltyPercent()).isEqualByComparingTo("5");
                    assertThat(b.due()).isEqualTo(harness.now().minus(Duration.ofHours(27)).plus(Duration.ofHours(24)));
                });
        assertThat(harness.read(Topics.supplierDispatch(HANOI))).as("escalated, not cancelled").isEmpty();

        harness.advance(Duration.ofHours(24));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SlaBreached.class)).extracting(SlaBreached::deadline)
                .containsExactly(SlaDeadline.SHIP);
    }

    @Test
    void deadlinesMetInTimeStaySilent() {
        allocate("o-2", HANOI);
        String dispatch = DispatchPlan.dispatchId("o-2", HANOI);
        harness.advance(Duration.ofHours(1));
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-2",
                new DispatchAccepted("acc", harness.now(), "o-2", dispatch, HANOI));
        harness.advance(Duration.ofHours(30));
        harness.pipe(Topics.supplierUpdates(HANOI).name(), "o-2",
                new DispatchShipped("sh", harness.now(), "o-2", dispatch, HANOI, "VNPOST", List.of("VN1")));
        harness.read(Topics.FULFILMENT_EVENTS);

        harness.advance(Duration.ofHours(100));

        assertThat(harness.read(Topics.FULFILMENT_EVENTS)).isEmpty();
    }

    @Test
    void underTheReroutePolicyTheDispatchIsCancelledThenSentToTheBackup() {
        allocate("o-3", SHENZHEN);
        String first = DispatchPlan.dispatchId("o-3", SHENZHEN);

        harness.advance(Duration.ofHours(13));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SlaBreached.class)).singleElement().satisfies(b -> {
            assertThat(b.action()).isEqualTo(SlaBreached.Action.REROUTING);
            assertThat(b.penaltyPercent()).isEqualByComparingTo("10");
        });
        assertThat(harness.readValues(Topics.supplierDispatch(SHENZHEN), CancellationRequested.class)).singleElement()
                .satisfies(c -> assertThat(c.dispatchId()).isEqualTo(first));
        assertThat(harness.read(Topics.supplierDispatch(LYON))).as("not before the supplier lets go").isEmpty();

        harness.pipe(Topics.supplierUpdates(SHENZHEN).name(), "o-3",
                new CancellationAccepted("ca", harness.now(), "o-3", first, SHENZHEN));

        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, DispatchRerouted.class)).singleElement()
                .satisfies(r -> assertThat(r.newSupplierId()).isEqualTo(LYON));
        assertThat(harness.readValues(Topics.supplierDispatch(LYON), DispatchRequested.class)).singleElement()
                .satisfies(r -> assertThat(r.dispatchId()).isEqualTo(DispatchPlan.dispatchId("o-3", LYON)));

        harness.advance(Duration.ofHours(30));
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, SlaBreached.class))
                .as("the first dispatch is gone; the backup has its own clock, lyon-linen's defaults")
                .singleElement().satisfies(b -> {
                    assertThat(b.supplierId()).isEqualTo(LYON);
                    assertThat(b.deadline()).isEqualTo(SlaDeadline.ACCEPT);
                    assertThat(b.action()).as("no backup left after lyon-linen").isEqualTo(SlaBreached.Action.ESCALATED);
                });
    }
}
