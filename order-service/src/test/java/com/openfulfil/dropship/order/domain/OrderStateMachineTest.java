package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShortLine;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.openfulfil.dropship.events.model.OrderStatus.ACCEPTED;
import static com.openfulfil.dropship.events.model.OrderStatus.CANCELLED;
import static com.openfulfil.dropship.events.model.OrderStatus.COMPLETED;
import static com.openfulfil.dropship.events.model.OrderStatus.CONFIRMED;
import static com.openfulfil.dropship.events.model.OrderStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.OrderStatus.DISPATCHED;
import static com.openfulfil.dropship.events.model.OrderStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.OrderStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.OrderStatus.PLACED;
import static com.openfulfil.dropship.events.model.OrderStatus.REJECTED;
import static com.openfulfil.dropship.events.model.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStateMachineTest {
    private static final String ORDER = "o-1";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final OrderPlaced placed = OrderFixtures.anOrder().withOrderId(ORDER)
            .withLine("MUG-001", 2, "12.50").withLine("LAMP-010", 1, "39.00").build();

    private OrderRecord record;
    private final List<OrderStatus> transitions = new ArrayList<>();

    private void apply(Event... events) {
        for (Event event : events) {
            Outcome outcome = OrderStateMachine.apply(record, ORDER, event, NOW);
            record = outcome.record();
            outcome.changes().forEach(c -> transitions.add(c.to()));
        }
    }

    private static StockAllocated allocatedTo(String... suppliers) {
        List<LineAllocation> lines = new ArrayList<>();
        for (int i = 0; i < suppliers.length; i++) {
            lines.add(new LineAllocation(i + 1, "SKU-" + i, 1,
                    new OfferRef(suppliers[i], "S" + i, BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 1), List.of()));
        }
        return new StockAllocated("a", NOW, ORDER, null, lines);
    }

    private static DispatchSent sent(String supplier) {
        return new DispatchSent("s-" + supplier, NOW, ORDER, "d-" + supplier, supplier, List.of());
    }

    private static SupplierAccepted accepted(String supplier) {
        return new SupplierAccepted("acc-" + supplier, NOW, ORDER, "d-" + supplier, supplier);
    }

    private static ParcelsShipped shipped(String supplier, String... parcels) {
        return new ParcelsShipped("sh-" + supplier, NOW, ORDER, "d-" + supplier, supplier, "SF", List.of(parcels));
    }

    private static ParcelStatusChanged parcel(String supplier, String number, ParcelStatus status) {
        return new ParcelStatusChanged("p-" + number + status, NOW, ORDER, "d-" + supplier, number, "SF", null, status,
                new Checkpoint(NOW, "London", "scan", status.name()));
    }

    @Test
    void followsTheHappyPathToDelivered() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.IN_TRANSIT),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, ACCEPTED, SHIPPED, IN_TRANSIT, DELIVERED);
        assertThat(record.history()).extracting(HistoryEntry::status).containsExactlyElementsOf(transitions);
        assertThat(record.fulfilments().get("d-hanoi-crafts").parcels()).containsEntry("VN1", ParcelStatus.DELIVERED);
    }

    @Test
    void aSplitOrderMovesAtThePaceOfItsSlowestSupplier() {
        apply(placed, allocatedTo("hanoi-crafts", "shenzhen-gadgets"), sent("hanoi-crafts"));
        assertThat(record.status()).isEqualTo(CONFIRMED);
        apply(sent("shenzhen-gadgets"), accepted("hanoi-crafts"), shipped("hanoi-crafts", "VN1"));
        assertThat(record.status()).isEqualTo(DISPATCHED);
        apply(shipped("shenzhen-gadgets", "SF1", "SF2"));
        assertThat(record.status()).isEqualTo(SHIPPED);
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED), parcel("shenzhen-gadgets", "SF1", ParcelStatus.DELIVERED));
        assertThat(record.status()).as("SF2 is still on its way").isEqualTo(IN_TRANSIT);
        apply(parcel("shenzhen-gadgets", "SF2", ParcelStatus.DELIVERED));
        assertThat(record.status()).isEqualTo(DELIVERED);
        assertThat(transitions).containsExactly(PLACED, CONFIRMED, DISPATCHED, SHIPPED, IN_TRANSIT, DELIVERED);
    }

    @Test
    void eventsThatArriveBeforeTheOrderAreAppliedOnceItIsPlaced() {
        apply(allocatedTo("hanoi-crafts"));
        assertThat(record.isPlaced()).isFalse();
        assertThat(transitions).isEmpty();
        apply(placed);
        assertThat(transitions).containsExactly(PLACED, CONFIRMED);
        assertThat(record.pending()).isEmpty();
    }

    @Test
    void repeatedAndLateEventsChangeNothing() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"),
                parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        OrderRecord delivered = record;
        transitions.clear();
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), accepted("hanoi-crafts"),
                shipped("hanoi-crafts", "VN1"), parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED));
        assertThat(transitions).isEmpty();
        assertThat(record).isEqualTo(delivered);
    }

    @Test
    void noStockRejectsTheOrder() {
        apply(placed, new StockRejected("r", NOW, ORDER, List.of(new ShortLine(1, "SCARF-007", 4, 3))));
        assertThat(record.status()).isEqualTo(REJECTED);
        assertThat(record.history().get(1).reason()).contains("SCARF-007 (requested 4, available 3)");
        apply(allocatedTo("hanoi-crafts"));
        assertThat(record.status()).isEqualTo(REJECTED);
    }

    @Test
    void cancellingIsOnlyPossibleBeforeDispatch() {
        apply(placed, allocatedTo("hanoi-crafts"), new CancelRequested("c", NOW, ORDER, "storefront:demo-shop", "changed mind"));
        assertThat(record.status()).isEqualTo(CANCELLED);
        assertThat(OrderStateMachine.canCancel(PLACED)).isTrue();
        assertThat(OrderStateMachine.canCancel(DISPATCHED)).isFalse();
        assertThat(OrderStateMachine.canCancel(SHIPPED)).isFalse();
    }

    @Test
    void receiptCompletesADeliveredOrderOnly() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"),
                new ReceiptConfirmed("early", NOW, ORDER, 5, "too early"));
        assertThat(record.status()).isEqualTo(SHIPPED);
        apply(parcel("hanoi-crafts", "VN1", ParcelStatus.DELIVERED), new ReceiptConfirmed("r", NOW, ORDER, 4, "good mug"));
        assertThat(record.status()).isEqualTo(COMPLETED);
        assertThat(record.receipt().rating()).isEqualTo(4);
        assertThat(record.receipt().comment()).isEqualTo("good mug");
    }

    @Test
    void anAdminCompletesAShippedOrderButNotAnUnshippedOne() {
        apply(placed, allocatedTo("hanoi-crafts"), new CompletionRequested("c1", NOW, ORDER, "admin"));
        assertThat(record.status()).isEqualTo(CONFIRMED);
        apply(sent("hanoi-crafts"), shipped("hanoi-crafts", "VN1"), new CompletionRequested("c2", NOW, ORDER, "admin"));
        assertThat(record.status()).isEqualTo(COMPLETED);
        assertThat(record.history().get(record.history().size() - 1).reason()).isEqualTo("completed by admin");
    }

    @Test
    void aSupplierRejectionPutsTheOrderInException() {
        apply(placed, allocatedTo("hanoi-crafts"), sent("hanoi-crafts"),
                new SupplierRejected("rj", NOW, ORDER, "d-hanoi-crafts", "hanoi-crafts", RejectionReason.ADDRESS, "no such street"));
        assertThat(record.status()).isEqualTo(EXCEPTION);
        assertThat(record.history().get(record.history().size() - 1).reason()).contains("ADDRESS").contains("no such street");
    }

    @Test
    void keepsTheCommissionCreditedForTheOrder() {
        apply(placed, new CommissionEarned("ce", NOW, ORDER, "partner-lan", "Nguyễn Thị Lan", "USD", new BigDecimal("5.00"),
                List.of(new Deduction("PIT", "Personal income tax", new BigDecimal("0.10"), null, new BigDecimal("0.50"))),
                new BigDecimal("4.50")));
        assertThat(record.commission().total()).isEqualByComparingTo("4.50");
        assertThat(record.commission().partnerName()).isEqualTo("Nguyễn Thị Lan");
        assertThat(transitions).containsExactly(PLACED);
    }
}
