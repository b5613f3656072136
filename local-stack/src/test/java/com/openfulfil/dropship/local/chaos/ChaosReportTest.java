package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.notification.NotificationRequested;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.openfulfil.dropship.events.model.OrderStatus.COMPLETED;
import static com.openfulfil.dropship.events.model.OrderStatus.CONFIRMED;
import static com.openfulfil.dropship.events.model.OrderStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.OrderStatus.DISPATCHED;
import static com.openfulfil.dropship.events.model.OrderStatus.PLACED;
import static com.openfulfil.dropship.events.model.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

class ChaosReportTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");
    private static final String KILL = "kill -9 order-service";
    private static final String POISON = "poison";
    private static final DispatchRequested SAMPLE_DISPATCH = sample(DispatchRequested.class);
    private static final CommissionEarned SAMPLE_COMMISSION = sample(CommissionEarned.class);
    private static final NotificationRequested SAMPLE_NOTIFICATION = sample(NotificationRequested.class);

    private final List<PlannedOrder> plan = DemoOrders.plan("r", 20);
    private final List<Poison> poison = PoisonMessages.forRun("t").subList(0, 3);
    private final Map<String, List<OrderStatus>> statuses = new HashMap<>();
    private final Map<String, List<TopicAudit.Dispatch>> dispatches = new HashMap<>();
    private final Map<String, List<CommissionEarned>> commissions = new HashMap<>();
    private final Map<String, List<NotificationRequested>> notifications = new HashMap<>();
    private final List<TopicAudit.DeadLetter> deadLetters = new ArrayList<>();
    private final List<LoadOrder> orders = new ArrayList<>();
    private final List<String> harness = new ArrayList<>();
    private Instant killHealedAt = T0.plusSeconds(130);
    private FaultWindow outage = FaultWindow.notApplicable("supplier HTTP 500s and timeouts", "no connector");
    private Set<String> httpSuppliers = Set.of();
    private String killNote;

    /** A storefront order before any fault, a partner order caught by the kill, a rejected and a normal one after. */
    private void aRunWhereEverythingWentRight() {
        completed(order(10, "o-base", 10, 20));
        completed(order(1, "o-partner", 95, 140));
        commission("o-partner");
        rejected(order(0, "o-scarce", 310, 312));
        completed(order(11, "o-after", 305, 320));
        poison.forEach(p -> p.groups().forEach(g -> deadLetters.add(parked(p, g))));
    }

    @Test
    void aCleanRunPassesWithNothingLostOrDoubledInAnyRow() {
        aRunWhereEverythingWentRight();

        ChaosReport report = report();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.rows()).extracting(ChaosReport.Row::fault).containsExactly(ChaosReport.BASELINE, KILL,
                POISON, "supplier HTTP 500s and timeouts", ChaosReport.AFTER);
        assertThat(report.rows()).allSatisfy(r -> {
            assertThat(r.lost()).isZero();
            assertThat(r.duplicated()).isZero();
        });
        assertThat(row(report, POISON).dlq()).isEqualTo("3/3");
        assertThat(row(report, KILL).recovery()).isEqualTo("30.0s");
        assertThat(report.render()).contains("not applicable yet: no connector")
                .contains("[PASS] one customer notification per (order, kind, parcel)")
                .contains("harness: supplier simulator restarted at +150.0s");
    }

    @Test
    void aFaultSlowerThanTheWaitGetsItsRecoveryFromTheOrdersAndANote() {
        aRunWhereEverythingWentRight();
        killHealedAt = null;
        killNote = "not healed within the 120 s wait";

        ChaosReport report = report();

        // settled at +110, the caught order finished at +140, the first order placed after it finished at +312
        assertThat(row(report, KILL).recovery()).isEqualTo("212.0s");
        assertThat(row(report, KILL).note()).contains("healed later, after 212.0s");
        assertThat(report.passed()).as("slow is reported, not failed: the orders all ended as planned").isTrue();
    }

    @Test
    void anOrderCaughtInFlightByAFaultCountsInThatFaultsRow() {
        aRunWhereEverythingWentRight();

        ChaosReport report = report();

        assertThat(report.rowOf(byId("o-partner"))).isEqualTo(KILL);
        assertThat(report.rowOf(byId("o-base"))).isEqualTo(ChaosReport.BASELINE);
        assertThat(report.rowOf(byId("o-after"))).isEqualTo(ChaosReport.AFTER);
    }

    @Test
    void aSecondDispatchToTheSameSupplierIsADuplicateOfTheFaultThatCaughtTheOrder() {
        aRunWhereEverythingWentRight();
        dispatch("o-partner", "shenzhen-gadgets", "evt-again");

        ChaosReport report = report();

        assertThat(row(report, KILL).duplicated()).isEqualTo(1);
        assertThat(invariant(report, "one DispatchRequested").held()).isFalse();
        assertThat(report.passed()).isFalse();
        assertThat(report.render()).contains("2 DispatchRequested for supplier shenzhen-gadgets");
    }

    @Test
    void aDispatchParkedInAnHttpSupplierOutageAndSentAgainIsNeitherADuplicateNorAGenuineDeadLetter() {
        aRunWhereEverythingWentRight();
        String label = "supplier HTTP 500s and timeouts (lyon-linen)";
        LoadOrder linen = order(14, "o-linen", 238, 290);
        completed(linen);
        dispatches.get("o-linen").add(dispatches.get("o-linen").get(0));  // ops sent the parked dispatch again
        deadLetters.add(new TopicAudit.DeadLetter("supplier.lyon-linen.dispatch.supplier-gateway.dlq",
                "supplier.lyon-linen.dispatch", "supplier-gateway", "not delivered", null, T0.plusSeconds(250), "o-linen"));
        httpSuppliers = Set.of("lyon-linen");
        outage = new FaultWindow(label, null, T0.plusSeconds(240), Set.of(linen.plan().externalRef()),
                T0.plusSeconds(262), T0.plusSeconds(292), null, null, List.of(), "12 requests answered 500", 1);

        ChaosReport report = report();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(row(report, label).duplicated()).isZero();
        assertThat(row(report, label).dlq()).isEqualTo("0 + 1 parked");
        assertThat(row(report, label).note()).isEqualTo("12 requests answered 500");
        assertThat(invariant(report, "parked").detail()).isEqualTo("1 parked, 1 sent again");
    }

    @Test
    void aParkedDispatchNobodySentAgainFailsTheRun() {
        aRunWhereEverythingWentRight();
        deadLetters.add(new TopicAudit.DeadLetter("supplier.lyon-linen.dispatch.supplier-gateway.dlq",
                "supplier.lyon-linen.dispatch", "supplier-gateway", "not delivered", null, T0.plusSeconds(250), "o-x"));
        httpSuppliers = Set.of("lyon-linen");
        outage = new FaultWindow("supplier HTTP 500s and timeouts (lyon-linen)", null, T0.plusSeconds(240), Set.of(),
                T0.plusSeconds(262), T0.plusSeconds(270), null, null, List.of(), null, 0);

        ChaosReport report = report();

        assertThat(invariant(report, "parked").held()).isFalse();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void theSameMessageUnderTwoNotificationIdsIsADuplicateButTheSameIdAskedAgainIsNot() {
        aRunWhereEverythingWentRight();
        notify("o-partner", NotificationKind.ORDER_CONFIRMED, null, "n-1");
        notify("o-partner", NotificationKind.ORDER_CONFIRMED, null, "n-1");
        notify("o-partner", NotificationKind.PARCEL_DELAYED, "SF1", "n-2");
        notify("o-partner", NotificationKind.PARCEL_DELAYED, "SF1", "n-3");
        assertThat(report().passed()).as("a repeat of one id, and two delay notices, are fine").isTrue();

        notify("o-partner", NotificationKind.ORDER_CONFIRMED, null, "n-4");
        ChaosReport report = report();

        assertThat(row(report, KILL).duplicated()).isEqualTo(1);
        assertThat(invariant(report, "customer notification").held()).isFalse();
        assertThat(report.render()).contains("1 duplicate customer notification(s)");
    }

    @Test
    void anOrderThatStoppedShortOfItsFinalStatusIsLost() {
        aRunWhereEverythingWentRight();
        statuses.put("o-after", List.of(PLACED, CONFIRMED, DISPATCHED));

        ChaosReport report = report();

        assertThat(row(report, ChaosReport.AFTER).lost()).isEqualTo(1);
        assertThat(invariant(report, "0 lost").held()).isFalse();
        assertThat(invariant(report, "still moving").held()).isFalse();
        assertThat(report.render()).contains("expected COMPLETED, orders.lifecycle ends at DISPATCHED");
    }

    @Test
    void aCompletedPartnerOrderWithoutItsCommissionFailsAndASecondCommissionIsADuplicate() {
        aRunWhereEverythingWentRight();
        commissions.clear();
        completed(order(2, "o-partner-2", 150, 160));
        commission("o-partner-2");
        commission("o-partner-2");

        ChaosReport report = report();

        assertThat(invariant(report, "CommissionEarned").held()).isFalse();
        assertThat(row(report, KILL).lost()).as("o-partner has no commission").isEqualTo(1);
        assertThat(row(report, KILL).duplicated()).as("o-partner-2 has two").isEqualTo(1);
    }

    @Test
    void aPoisonMessageMissingFromADeadLetterTopicOrAGenuineDeadLetterFails() {
        aRunWhereEverythingWentRight();
        deadLetters.remove(0);
        deadLetters.add(new TopicAudit.DeadLetter("orders.placed.catalog-service.dlq", "orders.placed",
                "catalog-service", "boom", null, T0.plusSeconds(110), "o-x"));

        ChaosReport report = report();

        assertThat(row(report, POISON).dlq()).isEqualTo("2/3");
        assertThat(row(report, KILL).dlq()).isEqualTo("1");
        assertThat(invariant(report, "every poison message").held()).isFalse();
        assertThat(invariant(report, "no genuine event").held()).isFalse();
        assertThat(report.render()).contains("not in " + poison.get(0).topic());
    }

    @Test
    void theLongestAnOrderStoodStillAfterTheFaultStruckIsItsPause() {
        completed(order(10, "o-base", 10, 20));
        completed(add(new LoadOrder(plan.get(2), "o-held", T0.plusSeconds(96), T0.plusSeconds(97), 1,
                T0.plusSeconds(128), COMPLETED, null, null, List.of(T0.plusSeconds(96), T0.plusSeconds(97),
                T0.plusSeconds(98), T0.plusSeconds(121), T0.plusSeconds(124), T0.plusSeconds(128)))));

        ChaosReport report = report();

        assertThat(row(report, KILL).paused()).as("waiting since +98, the kill struck at +100, moved at +121")
                .isEqualTo("21.0s");
        assertThat(row(report, ChaosReport.BASELINE).paused()).as("the storefront order's one step, +10 to +20")
                .isEqualTo("10.0s");
        assertThat(report.render()).contains("paused");
    }

    @Test
    void anOrderNeverAcceptedFailsTheRun() {
        aRunWhereEverythingWentRight();
        orders.add(new LoadOrder(plan.get(12), null, T0.plusSeconds(101), null, 40, null, null,
                "no answer after 40 attempt(s)", null));

        ChaosReport report = report();

        assertThat(invariant(report, "was accepted").held()).isFalse();
        assertThat(row(report, KILL).lost()).isEqualTo(1);
    }

    @Test
    void aStoppedSimulatorFailsTheRunAsAHarnessProblem() {
        aRunWhereEverythingWentRight();
        harness.add("the supplier simulator stopped at +120.0s");

        ChaosReport report = report();

        assertThat(invariant(report, "harness").held()).isFalse();
        assertThat(report.findings()).extracting(ChaosReport.Finding::category).contains("test harness");
    }

    @Test
    void findingsAreGroupedByFaultAndKind() {
        aRunWhereEverythingWentRight();
        statuses.put("o-partner", List.of(PLACED, CONFIRMED, DISPATCHED));

        ChaosReport report = report();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(KILL);
            assertThat(f.category()).isEqualTo("stuck at DISPATCHED (expected COMPLETED)");
            assertThat(f.text()).startsWith(plan.get(1).externalRef());
        });
        assertThat(report.render()).contains(KILL + " | stuck at DISPATCHED (expected COMPLETED): 1");
    }

    private ChaosReport report() {
        List<FaultWindow> windows = List.of(
                new FaultWindow(KILL, null, T0.plusSeconds(100), Set.of(plan.get(1).externalRef()), T0.plusSeconds(110),
                        killHealedAt, killNote, null, List.of(), null, 0),
                new FaultWindow(POISON, null, T0.plusSeconds(200), Set.of(), T0.plusSeconds(204), T0.plusSeconds(205),
                        null, null, poison, null, 0),
                outage);
        return new ChaosReport(T0, orders, windows, T0.plusSeconds(300),
                new TopicAudit.Snapshot(statuses, dispatches, commissions, notifications, deadLetters), harness,
                List.of("supplier simulator restarted at +150.0s"), httpSuppliers);
    }

    private LoadOrder order(int planIndex, String orderId, int acceptedSecond, int finishedSecond) {
        LoadOrder order = new LoadOrder(plan.get(planIndex), orderId, T0.plusSeconds(acceptedSecond),
                T0.plusSeconds(acceptedSecond), 1, T0.plusSeconds(finishedSecond), plan.get(planIndex).expected(),
                null, null);
        orders.add(order);
        return order;
    }

    private LoadOrder add(LoadOrder order) {
        orders.add(order);
        return order;
    }

    private void completed(LoadOrder order) {
        statuses.put(order.orderId(), List.of(PLACED, CONFIRMED, DISPATCHED, DELIVERED, COMPLETED));
        order.plan().suppliers().forEach(s -> dispatch(order.orderId(), s, "evt-" + order.orderId() + s));
    }

    private void rejected(LoadOrder order) {
        statuses.put(order.orderId(), List.of(PLACED, REJECTED));
    }

    private void dispatch(String orderId, String supplierId, String eventId) {
        DispatchRequested d = SAMPLE_DISPATCH;
        dispatches.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new TopicAudit.Dispatch(
                new DispatchRequested(eventId, d.occurredAt(), orderId, "dsp-" + orderId + supplierId, supplierId,
                        d.items(), d.shipTo(), d.contact(), d.priority(), d.requests(), d.packing()),
                "supplier." + supplierId + ".dispatch", 0, dispatches.size()));
    }

    private void notify(String orderId, NotificationKind kind, String trackingNumber, String notificationId) {
        NotificationRequested n = SAMPLE_NOTIFICATION;
        notifications.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new NotificationRequested(
                "evt-" + notificationId, n.occurredAt(), orderId, n.orderReference(), notificationId, kind, n.locale(),
                n.customerName(), n.email(), n.carrier(), trackingNumber, n.expectedDays()));
    }

    private void commission(String orderId) {
        CommissionEarned c = SAMPLE_COMMISSION;
        List<CommissionEarned> list = commissions.computeIfAbsent(orderId, id -> new ArrayList<>());
        list.add(new CommissionEarned("evt-c-" + orderId + list.size(), c.occurredAt(), orderId, c.partnerId(),
                c.partnerName(), c.currency(), c.gross(), c.deductions(), c.total()));
    }

    private static TopicAudit.DeadLetter parked(Poison p, String group) {
        return new TopicAudit.DeadLetter(p.topic() + "." + group + ".dlq", p.topic(), group, "Not a valid Event",
                p.id(), T0.plusSeconds(201), p.key());
    }

    private LoadOrder byId(String orderId) {
        return orders.stream().filter(o -> orderId.equals(o.orderId())).findFirst().orElseThrow();
    }

    private static ChaosReport.Row row(ChaosReport report, String fault) {
        return report.rows().stream().filter(r -> r.fault().equals(fault)).findFirst().orElseThrow();
    }

    private static ChaosReport.Invariant invariant(ChaosReport report, String text) {
        return report.invariants().stream().filter(i -> i.text().contains(text)).findFirst().orElseThrow();
    }

    private static <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
