package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A shipping address change: applied while the order's stock is not reserved, refused with the reason after. */
class AddressChangeTest {
    private static final String ORDER = "o-1";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Address MOVED = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
    private final OrderPlaced placed = OrderFixtures.anOrder().withOrderId(ORDER).withLine("MUG-001", 2, "12.50").build();

    private OrderRecord record;
    private final List<OrderEvent> news = new ArrayList<>();
    private final List<OrderStatus> transitions = new ArrayList<>();

    private void apply(Event... events) {
        for (Event event : events) {
            Outcome outcome = OrderStateMachine.apply(record, ORDER, event, NOW);
            record = outcome.record();
            news.addAll(outcome.news());
            outcome.changes().forEach(c -> transitions.add(c.to()));
        }
    }

    private static AddressChangeRequested moveTo(String eventId, Address address) {
        return new AddressChangeRequested(eventId, NOW, ORDER, "shopify:demo-shop", address);
    }

    private static StockAllocated allocated() {
        return new StockAllocated("a", NOW, ORDER, null, List.of(new LineAllocation(1, "MUG-001", 2,
                new OfferRef("hanoi-crafts", "HN-1", BigDecimal.ONE, BigDecimal.ONE, "USD", 2, 1), List.of())));
    }

    @Test
    void aChangeBeforeTheStockIsReservedMovesTheOrderAndTellsThePipeline() {
        Address before = placed.order().shipTo();
        apply(placed, moveTo("ac-1", MOVED));

        assertThat(record.details().shipTo()).isEqualTo(MOVED);
        assertThat(record.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(transitions).as("no transition: the order is where it was").containsExactly(OrderStatus.PLACED);
        assertThat(news).singleElement().isInstanceOfSatisfying(ShippingAddressChanged.class, changed -> {
            assertThat(changed.previous()).isEqualTo(before);
            assertThat(changed.shipTo()).isEqualTo(MOVED);
            assertThat(changed.requestedBy()).isEqualTo("shopify:demo-shop");
        });
        assertThat(record.history().get(record.history().size() - 1).reason())
                .isEqualTo("shipping address changed by shopify:demo-shop to 9 Other Road, Leeds, LS1 4AP, GB");
    }

    @Test
    void theSameChangeSentTwiceIsAppliedOnce() {
        apply(placed, moveTo("ac-1", MOVED), moveTo("ac-1", MOVED), moveTo("ac-2", MOVED));

        assertThat(news).hasSize(1);
        assertThat(record.history()).filteredOn(h -> h.reason().startsWith("shipping address changed")).hasSize(1);
    }

    @Test
    void aChangeThatArrivesBeforeTheOrderIsAppliedOnceItIsPlaced() {
        apply(moveTo("ac-1", MOVED), placed);

        assertThat(record.details().shipTo()).isEqualTo(MOVED);
        assertThat(news).singleElement().isInstanceOf(ShippingAddressChanged.class);
    }

    @Test
    void aChangeOnceTheStockIsReservedIsRefusedWithTheReasonAndTheOrderKeepsItsAddress() {
        Address before = placed.order().shipTo();
        apply(placed, allocated(), new DispatchSent("s", NOW, ORDER, "d-1", "hanoi-crafts", List.of()),
                moveTo("ac-1", MOVED));

        assertThat(record.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(record.details().shipTo()).isEqualTo(before);
        assertThat(news).singleElement().isInstanceOfSatisfying(AddressChangeRefused.class, refused -> {
            assertThat(refused.status()).isEqualTo(OrderStatus.DISPATCHED);
            assertThat(refused.shipTo()).isEqualTo(MOVED);
            assertThat(refused.reason()).isEqualTo("the address of an order that is DISPATCHED cannot change: its stock"
                    + " is reserved and its suppliers are sent the order with the address it had (a label may be printed"
                    + " already)");
        });
    }

    @Test
    void aRefusalToldTwiceCarriesTheSameIdSoReadersTakeItOnce() {
        apply(placed, allocated(), moveTo("ac-1", MOVED), moveTo("ac-1", MOVED));

        assertThat(news).hasSize(2).extracting(OrderEvent::eventId).containsOnly(news.get(0).eventId());
    }

    @Test
    void aCancelledOrderKeepsItsAddressBecauseItIsNotGoingOut() {
        apply(placed, new CancelRequested("c", NOW, ORDER, "admin", null), moveTo("ac-1", MOVED));

        assertThat(news).singleElement().isInstanceOfSatisfying(AddressChangeRefused.class,
                refused -> assertThat(refused.reason()).endsWith("CANCELLED cannot change: it is not going out"));
    }

    @Test
    void theAddressTheOrderHasAlreadyIsNothing() {
        apply(placed, allocated(), moveTo("ac-1", placed.order().shipTo()));

        assertThat(news).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAnOrderWhoseStockIsNotReservedCanChangeItsAddress(OrderStatus status) {
        assertThat(OrderStateMachine.canChangeAddress(status)).isEqualTo(status == OrderStatus.PLACED);
        assertThat(OrderStateMachine.addressKeptBecause(status)).startsWith("the address of an order that is " + status);
    }
}
