package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ItemErrorReported;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.gateway.Allocations;
import com.openfulfil.dropship.gateway.domain.DispatchPlan;
import com.openfulfil.dropship.gateway.domain.LedgerEntry;
import com.openfulfil.dropship.gateway.domain.ReturnTerms;
import com.openfulfil.dropship.gateway.domain.Scorecard;
import com.openfulfil.dropship.gateway.domain.ScorecardReport;
import com.openfulfil.dropship.gateway.domain.Settlement;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import com.openfulfil.dropship.support.streams.Locality;
import com.openfulfil.dropship.support.testing.TopologyHarness;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * R3.4 and R3.6 on a known history, on a controlled clock. hanoi-crafts (24 h to accept, 48 h to ship,
 * escalate, 5 % penalty) gets four dispatches at 09:00 on 2 November:
 * o-1 accepted after 2 h, shipped after 20 h, later returned for a wrong item;
 * o-2 accepted after 4 h, shipped after 30 h;
 * o-3 accepted after 10 h, misses its ship deadline at 48 h, ships at 50 h;
 * o-4 refused for stock after 1 h, with no backup.
 */
abstract class ScorecardTopologyTest {
    private static final String HANOI = "hanoi-crafts";
    private static final Address RETURNS_TO = new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN");

    /** Where the suppliers' books are kept, seen from the orders' task. */
    abstract Locality locality();

    private final TopologyHarness harness = TopologyHarness.of(builder -> DispatchTopology.build(
            builder.stream(DispatchTopology.INPUTS),
            builder.stream(Topics.SUPPLIER_UPDATES),
            new DispatchSettings(Set.of(HANOI, "lyon-linen"), new PackingInstructions(true, "Acme Home", ""),
                    Map.of(HANOI, new SlaTerms(Duration.ofHours(24), Duration.ofHours(48), SlaTerms.Policy.ESCALATE,
                            new BigDecimal("5"))),
                    Duration.ofMinutes(1)).withReturns(Map.of(HANOI, new ReturnTerms("Hanoi Crafts returns", RETURNS_TO,
                    Map.of("USD", new BigDecimal("6.50"))))), context -> locality()));
    private final Instant start = harness.now();

    @AfterEach
    void close() {
        harness.close();
    }

    @BeforeEach
    void history() {
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-1").line("MUG-001", 2, HANOI, "HN-MUG", "4.20").build());
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-2").line("LAMP-010", 1, HANOI, "HN-LAMP", "14.00").build());
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-3").line("TOWEL-020", 3, HANOI, "HN-TOWEL", "7.90").build());
        harness.pipe(Topics.ORDER_ALLOCATIONS, Allocations.anAllocation("o-4").line("SCARF-007", 1, HANOI, "HN-SCARF", "9.00").build());
        at(1, "o-4", (id, d) -> new DispatchRejected(id, harness.now(), "o-4", d, HANOI, RejectionReason.OUT_OF_STOCK, null));
        at(2, "o-1", (id, d) -> new DispatchAccepted(id, harness.now(), "o-1", d, HANOI));
        at(4, "o-2", (id, d) -> new DispatchAccepted(id, harness.now(), "o-2", d, HANOI));
        at(10, "o-3", (id, d) -> new DispatchAccepted(id, harness.now(), "o-3", d, HANOI));
        at(20, "o-1", (id, d) -> new DispatchShipped(id, harness.now(), "o-1", d, HANOI, "VNPOST", List.of("VN1")));
        at(30, "o-2", (id, d) -> new DispatchShipped(id, harness.now(), "o-2", d, HANOI, "VNPOST", List.of("VN2")));
        at(48, null, null);
        at(50, "o-3", (id, d) -> new DispatchShipped(id, harness.now(), "o-3", d, HANOI, "VNPOST", List.of("VN3")));
        // a second parcel of o-3 and a replayed answer add nothing
        at(51, "o-3", (id, d) -> new DispatchShipped(id, harness.now(), "o-3", d, HANOI, "VNPOST", List.of("VN3", "VN4")));
        at(52, "o-2", (id, d) -> new DispatchAccepted("again", harness.now(), "o-2", d, HANOI));
        harness.pipe(Topics.ORDERS_LIFECYCLE, new OrderStatusChanged("ret-1", harness.now(), "o-1",
                OrderStatus.DELIVERED, OrderStatus.RETURN_REQUESTED, "return requested by the customer: WRONG_ITEM",
                OrderFixtures.anOrder().withOrderId("o-1").build().order(), null, ReturnReason.WRONG_ITEM));
    }

    /** Moves the clock to {@code hours} after the dispatches went out, then the supplier answers. */
    private void at(int hours, String orderId, BiFunction<String, String, SupplierUpdate> update) {
        harness.advance(Duration.between(harness.now(), start.plus(Duration.ofHours(hours))));
        if (update != null) {
            harness.pipe(Topics.supplierUpdates(HANOI).name(), orderId,
                    update.apply(orderId + "-" + hours, DispatchPlan.dispatchId(orderId, HANOI)));
        }
    }

    @Test
    void theScorecardCountsEachDispatchOnceWithTheTimesToAcceptAndShip() {
        Scorecard card = harness.<Scorecard>store(SupplierBooks.SCORECARDS).get(HANOI);

        assertThat(card.dispatches()).isEqualTo(4);
        assertThat(card.answered()).isEqualTo(4);
        assertThat(card.rejected()).isEqualTo(1);
        assertThat(card.shipped()).isEqualTo(3);
        assertThat(card.onTime()).isEqualTo(2);
        assertThat(card.late()).isEqualTo(1);
        assertThat(card.errors()).isEqualTo(1);
        assertThat(card.slaBreaches()).isEqualTo(1);

        ScorecardReport report = ScorecardReport.of(card, harness.now());
        assertThat(report.metrics()).extracting(ScorecardReport.Metric::key, ScorecardReport.Metric::value,
                ScorecardReport.Metric::target, ScorecardReport.Metric::met).containsExactly(
                tuple("onTimeShipmentRate", 0.6667, 0.95, false),
                tuple("rejectionRate", 0.25, null, null),
                tuple("errorRate", 0.3333, 0.02, false),
                tuple("acceptHoursMedian", 4.0, 24.0, true),
                tuple("acceptHoursP90", 10.0, 24.0, true),
                tuple("shipHoursMedian", 30.0, null, null),
                tuple("shipHoursP90", 50.0, null, null));
    }

    @Test
    void theMissedDeadlineAndTheUnbackedRefusalReachOps() {
        List<EscalatedToOps> escalations = harness.readValues(Topics.FULFILMENT_EVENTS, EscalatedToOps.class);
        assertThat(escalations).extracting(EscalatedToOps::orderId, EscalatedToOps::cause).containsExactly(
                tuple("o-4", EscalatedToOps.Cause.NO_BACKUP_LEFT), tuple("o-3", EscalatedToOps.Cause.SLA_BREACHED));
    }

    @Test
    void aWrongItemIsReportedAgainstTheSupplierThatShipped() {
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ItemErrorReported.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.orderId()).isEqualTo("o-1");
                    assertThat(e.supplierId()).isEqualTo(HANOI);
                    assertThat(e.reason()).isEqualTo(ReturnReason.WRONG_ITEM);
                });
    }

    @Test
    void theReturnIsAuthorisedAtTheSupplierThatShippedWithItsReturnAddressAndItPaysThePostage() {
        assertThat(harness.readValues(Topics.FULFILMENT_EVENTS, ReturnAuthorised.class)).singleElement()
                .satisfies(a -> {
                    assertThat(a.orderId()).isEqualTo("o-1");
                    assertThat(a.supplierId()).isEqualTo(HANOI);
                    assertThat(a.rmaId()).isEqualTo(ReturnAuthorised.rmaId("o-1", HANOI));
                    assertThat(a.items()).extracting(ParcelItem::sku, ParcelItem::quantity)
                            .containsExactly(tuple("MUG-001", 2));
                    assertThat(a.returnTo()).isEqualTo("Hanoi Crafts returns");
                    assertThat(a.returnAddress()).isEqualTo(RETURNS_TO);
                    assertThat(a.paidBy()).isEqualTo(ReturnPayer.SUPPLIER);
                    assertThat(a.shippingCharge()).isEqualByComparingTo("6.50");
                });
    }

    @Test
    void theSettlementPaysWhatShippedInThePeriodLessThePenaltyAndTheReturnsTheSupplierPays() {
        List<LedgerEntry> ledger = ledger();
        assertThat(ledger).hasSize(4);

        Settlement november = Settlement.of(HANOI, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                harness.now(), ledger);
        assertThat(november.lines()).extracting(Settlement.Line::kind, Settlement.Line::orderId,
                l -> l.goods().toPlainString(), l -> l.shipping().toPlainString(), l -> l.penalty().toPlainString(),
                l -> l.returnShipping().toPlainString(), l -> l.amount().toPlainString())
                .containsExactly(
                        tuple("dispatch", "o-1", "8.40", "3.00", "0.00", "0.00", "11.40"),
                        tuple("dispatch", "o-2", "14.00", "1.50", "0.00", "0.00", "15.50"),
                        tuple("dispatch", "o-3", "23.70", "4.50", "1.41", "0.00", "26.79"),
                        tuple("return", "o-1", "0.00", "0.00", "0.00", "6.50", "-6.50"));
        assertThat(november.lines().get(3).rmaId()).isEqualTo(ReturnAuthorised.rmaId("o-1", HANOI));
        assertThat(november.totals()).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("USD");
            assertThat(t.dispatches()).isEqualTo(3);
            assertThat(t.goods()).isEqualByComparingTo("46.10");
            assertThat(t.shipping()).isEqualByComparingTo("9.00");
            assertThat(t.penalty()).isEqualByComparingTo("1.41");
            assertThat(t.returns()).isEqualTo(1);
            assertThat(t.returnShipping()).isEqualByComparingTo("6.50");
            assertThat(t.amount()).isEqualByComparingTo("47.19");
        });

        Settlement firstDays = Settlement.of(HANOI, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"),
                harness.now(), ledger);
        assertThat(firstDays.lines()).as("o-3 shipped and o-1's return was authorised on the 4th")
                .extracting(Settlement.Line::orderId).containsExactly("o-1", "o-2");
        assertThat(firstDays.csv()).isEqualTo(
                "kind,dispatch_id,order_id,dispatched_at,shipped_at,currency,goods,shipping,penalty_percent,penalty,amount,dispatches,return_shipping,rma_id,authorised_at,returns\r\n"
                        + "line," + DispatchPlan.dispatchId("o-1", HANOI) + ",o-1,2026-11-02T09:00:00Z,2026-11-03T05:00:00Z,USD,8.40,3.00,0,0.00,11.40,1,0.00,,,0\r\n"
                        + "line," + DispatchPlan.dispatchId("o-2", HANOI) + ",o-2,2026-11-02T09:00:00Z,2026-11-03T15:00:00Z,USD,14.00,1.50,0,0.00,15.50,1,0.00,,,0\r\n"
                        + "total,,,,,USD,22.40,4.50,,0.00,26.90,2,0.00,,,0\r\n");
        Settlement fourth = Settlement.of(HANOI, LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-04"),
                harness.now(), ledger);
        assertThat(fourth.csv().split("\r\n")[2]).isEqualTo("return," + DispatchPlan.dispatchId("o-1", HANOI)
                + ",o-1,2026-11-02T09:00:00Z,2026-11-03T05:00:00Z,USD,0.00,0.00,0,0.00,-6.50,0,6.50,"
                + ReturnAuthorised.rmaId("o-1", HANOI) + ",2026-11-04T13:00:00Z,1");
    }

    private List<LedgerEntry> ledger() {
        KeyValueStore<String, LedgerEntry> store = harness.store(SupplierBooks.LEDGER);
        List<LedgerEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, LedgerEntry> range = store.range(SupplierBooks.firstKey(HANOI),
                SupplierBooks.lastKey(HANOI))) {
            range.forEachRemaining(kv -> entries.add(kv.value));
        }
        return entries;
    }
}
