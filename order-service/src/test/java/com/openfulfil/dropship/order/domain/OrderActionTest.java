package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.CompletionRequested;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.ReceiptConfirmed;
import com.openfulfil.dropship.events.order.RefundIssued;
import com.openfulfil.dropship.events.order.ReshipRequested;
import com.openfulfil.dropship.events.order.ReturnReceived;
import com.openfulfil.dropship.events.order.ReturnRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.openfulfil.dropship.order.domain.OrderAction.CANCEL;
import static com.openfulfil.dropship.order.domain.OrderAction.COMPLETE;
import static com.openfulfil.dropship.order.domain.OrderAction.CONFIRM_RECEIPT;
import static com.openfulfil.dropship.order.domain.OrderAction.RECEIVE_RETURN;
import static com.openfulfil.dropship.order.domain.OrderAction.REFUND;
import static com.openfulfil.dropship.order.domain.OrderAction.REQUEST_RETURN;
import static com.openfulfil.dropship.order.domain.OrderAction.RESHIP;
import static org.assertj.core.api.Assertions.assertThat;

/** Which actions each order status allows, to the order's own side and to the admin, and that the state machine agrees. */
class OrderActionTest {
    private static final String ORDER = "o-1";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration RETURN_WINDOW = Duration.ofDays(30);
    private static final OrderPlaced PLACED = OrderFixtures.anOrder().withOrderId(ORDER)
            .withLine("MUG-001", 2, "12.50").build();

    /** What the admin may ask of an order in each status; the order's own side may ask the first three of these. */
    private static final Map<OrderStatus, List<OrderAction>> FOR_ADMIN = new EnumMap<>(Map.ofEntries(
            Map.entry(OrderStatus.PLACED, List.of(CANCEL)),
            Map.entry(OrderStatus.CONFIRMED, List.of(CANCEL)),
            Map.entry(OrderStatus.DISPATCHED, List.of(CANCEL)),
            Map.entry(OrderStatus.ACCEPTED, List.of(CANCEL)),
            Map.entry(OrderStatus.PARTIALLY_SHIPPED, List.of()),
            Map.entry(OrderStatus.SHIPPED, List.of(COMPLETE)),
            Map.entry(OrderStatus.IN_TRANSIT, List.of(COMPLETE)),
            Map.entry(OrderStatus.PARTIALLY_DELIVERED, List.of(COMPLETE)),
            Map.entry(OrderStatus.DELIVERED, List.of(CONFIRM_RECEIPT, REQUEST_RETURN, COMPLETE)),
            Map.entry(OrderStatus.COMPLETED, List.of(REQUEST_RETURN)),
            Map.entry(OrderStatus.REJECTED, List.of()),
            Map.entry(OrderStatus.CANCELLING, List.of()),
            Map.entry(OrderStatus.CANCELLED, List.of()),
            Map.entry(OrderStatus.EXCEPTION, List.of(REFUND, RESHIP)),
            Map.entry(OrderStatus.RETURN_REQUESTED, List.of(RECEIVE_RETURN, REFUND, RESHIP)),
            Map.entry(OrderStatus.RETURNED, List.of(REFUND)),
            // nothing was refunded in this test's orders: a refunded order may be refunded further, up to what was paid
            Map.entry(OrderStatus.REFUNDED, List.of(REFUND)),
            Map.entry(OrderStatus.RESHIPPED, List.of())));

    @Test
    void everyStatusIsAccountedFor() {
        assertThat(FOR_ADMIN.keySet()).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void eachStatusAllowsTheAdminItsActionsAndTheOrdersOwnSideOnlyTheCustomersOnes(OrderStatus status) {
        OrderRecord order = deliveredAt(NOW.minus(Duration.ofDays(1)), status);
        List<OrderAction> admin = FOR_ADMIN.get(status);
        assertThat(OrderAction.allowed(order, true, NOW, RETURN_WINDOW)).as(status + " for the admin")
                .containsExactlyElementsOf(admin);
        assertThat(OrderAction.allowed(order, false, NOW, RETURN_WINDOW)).as(status + " for its storefront or partner")
                .containsExactlyElementsOf(admin.stream().filter(a -> a == CANCEL || a == CONFIRM_RECEIPT
                        || a == REQUEST_RETURN).toList());
    }

    /** What the list allows, the state machine does; what it does not, the state machine ignores. */
    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void theStateMachineMovesOnExactlyTheActionsAllowed(OrderStatus status) {
        OrderRecord order = deliveredAt(NOW.minus(Duration.ofDays(1)), status);
        for (OrderAction action : OrderAction.values()) {
            Outcome outcome = OrderStateMachine.apply(order, ORDER, command(action), NOW);
            assertThat(!outcome.changes().isEmpty()).as(action + " in " + status)
                    .isEqualTo(FOR_ADMIN.get(status).contains(action));
        }
    }

    @Test
    void aReturnIsOfferedOnlyWhileItsWindowIsOpen() {
        OrderRecord recent = deliveredAt(NOW.minus(Duration.ofDays(29)), OrderStatus.COMPLETED);
        OrderRecord old = deliveredAt(NOW.minus(Duration.ofDays(31)), OrderStatus.COMPLETED);
        assertThat(OrderAction.allowed(recent, false, NOW, RETURN_WINDOW)).containsExactly(REQUEST_RETURN);
        assertThat(OrderAction.allowed(old, false, NOW, RETURN_WINDOW)).isEmpty();
        assertThat(OrderAction.allowed(old, true, NOW, RETURN_WINDOW)).isEmpty();
    }

    /** A parcel lost in transit stops the order: it cannot be cancelled, only refunded or reshipped. */
    @Test
    void anOrderStuckInExceptionOffersRefundAndReshipAndNeverCancel() {
        OrderRecord order = null;
        for (var event : List.of(PLACED,
                new StockAllocated("a", NOW, ORDER, null, List.of(new LineAllocation(1, "MUG-001", 2,
                        new OfferRef("hanoi-crafts", "HN-1", BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 1), List.of()))),
                new DispatchSent("s", NOW, ORDER, "d-1", "hanoi-crafts", List.of()),
                new SupplierAccepted("acc", NOW, ORDER, "d-1", "hanoi-crafts"),
                new ParcelsShipped("sh", NOW, ORDER, "d-1", "hanoi-crafts", "VNPOST", List.of("VN1")),
                new ParcelStatusChanged("p", NOW, ORDER, "d-1", "VN1", "VNPOST", null, ParcelStatus.IN_TRANSIT,
                        new Checkpoint(NOW, "Hanoi", "scan", "IN_TRANSIT")),
                new LostParcelClaimOpened("cl", NOW, ORDER, "d-1", "VN1", "VNPOST", "claim-VN1", "no update"))) {
            order = OrderStateMachine.apply(order, ORDER, event, NOW).record();
        }
        assertThat(order.status()).isEqualTo(OrderStatus.EXCEPTION);
        assertThat(OrderAction.allowed(order, true, NOW, RETURN_WINDOW)).containsExactly(REFUND, RESHIP);
        assertThat(OrderAction.allowed(order, false, NOW, RETURN_WINDOW)).as("settling it is the admin's").isEmpty();
        assertThat(OrderStateMachine.apply(order, ORDER, command(CANCEL), NOW).record().status())
                .isEqualTo(OrderStatus.EXCEPTION);
        assertThat(OrderStateMachine.apply(order, ORDER, command(RESHIP), NOW).record().status())
                .isEqualTo(OrderStatus.RESHIPPED);
    }

    /** An order in {@code status}, delivered at {@code deliveredAt} (its history says so; the status need not follow). */
    private static OrderRecord deliveredAt(Instant deliveredAt, OrderStatus status) {
        OrderRecord placed = OrderStateMachine.apply(null, ORDER, PLACED, NOW).record();
        return new OrderRecord(ORDER, status, placed.details(), deliveredAt.minus(Duration.ofDays(3)),
                List.of(new HistoryEntry(OrderStatus.DELIVERED, deliveredAt, "delivered"),
                        new HistoryEntry(status, deliveredAt, "now " + status)),
                List.of(), Map.of(), null, null, List.of(), null, List.of());
    }

    private static OrderCommand command(OrderAction action) {
        return switch (action) {
            case CANCEL -> new CancelRequested("c", NOW, ORDER, "admin:ops", null);
            case CONFIRM_RECEIPT -> new ReceiptConfirmed("r", NOW, ORDER, 5, null);
            case REQUEST_RETURN -> new ReturnRequested("rr", NOW, ORDER, ReturnReason.DAMAGED, null, List.of(), "storefront:s");
            case COMPLETE -> new CompletionRequested("co", NOW, ORDER, "admin:ops");
            case RECEIVE_RETURN -> new ReturnReceived("rx", NOW, ORDER, "admin:ops");
            case REFUND -> new RefundIssued("rf", NOW, ORDER, new BigDecimal("25.00"), "USD", "admin:ops", null);
            case RESHIP -> new ReshipRequested("rs", NOW, ORDER, "admin:ops", null);
        };
    }
}
