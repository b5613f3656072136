package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrderSyncTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Address HOME = new Address("1 Example Street", null, "London", null, "N1 9GU", "GB");
    private static final ChannelOrder PLACED = ChannelOrder.placed("ord-1", Platform.SHOPIFY, "shop", "#1001",
            OrderFixtures.anOrder().withShipTo(HOME).withLine("MUG-001", 2, "12.50").withLine("LAMP-7", 1, "30.00")
                    .details());

    @Test
    void eachParcelIsToldOnceAndAChangedNumberIsRetracked() {
        OrderSync.Step first = OrderSync.shipped(PLACED, "dsp-1", "DHL", List.of("A1", "A2"), null);
        assertThat(first.calls()).extracting(OutboundCall::kind, OutboundCall::trackingNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OutboundCall.Kind.FULFIL, "A1"),
                        org.assertj.core.groups.Tuple.tuple(OutboundCall.Kind.FULFIL, "A2"));

        assertThat(OrderSync.shipped(first.order(), "dsp-1", "DHL", List.of("A1", "A2"), null).calls()).isEmpty();

        OrderSync.Step changed = OrderSync.shipped(first.order(), "dsp-1", "DHL", List.of("B1", "A2"), null);
        assertThat(changed.calls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo(OutboundCall.Kind.RETRACK);
            assertThat(call.trackingNumber()).isEqualTo("B1");
            assertThat(call.previousTrackingNumber()).isEqualTo("A1");
        });
        // the same decision replayed carries the same id
        assertThat(OrderSync.shipped(PLACED, "dsp-1", "DHL", List.of("A1"), null).calls().get(0).callId())
                .isEqualTo(first.calls().get(0).callId());
    }

    @Test
    void aDispatchShippedInTwoParcelsIsToldTwoParcelsNeverOneRetracked() {
        OrderSync.Step first = OrderSync.shipped(PLACED, "dsp-1", "DHL", List.of("A1"), unsaid("A1"));
        // the second parcel leaves later: supplier-gateway's shipment names only the parcel it adds
        OrderSync.Step second = OrderSync.shipped(first.order(), "dsp-1", "DHL", List.of("B1"), unsaid("B1"));
        assertThat(second.calls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo(OutboundCall.Kind.FULFIL);
            assertThat(call.trackingNumber()).isEqualTo("B1");
        });
        assertThat(OrderSync.shipped(second.order(), "dsp-1", "DHL", List.of("B1"), unsaid("B1")).calls()).as("replayed")
                .isEmpty();
        assertThat(OrderSync.shipped(second.order(), "dsp-1", "DHL", List.of("A1"), unsaid("A1")).calls()).isEmpty();
    }

    @Test
    void aParcelThatSaysWhatItHoldsIsToldItsLinesAndUnitsAndTheStoresLineItemOnceMatched() {
        OrderSync.Step first = OrderSync.shipped(PLACED, "dsp-1", "DHL", List.of("A1", "A2"), List.of(
                new ShippedParcel("A1", List.of(new ParcelItem(1, "MUG-001", 1, "Mug"), new ParcelItem(2, "LAMP-7", 1))),
                new ShippedParcel("A2", null)));
        assertThat(first.calls()).extracting(OutboundCall::trackingNumber, OutboundCall::items).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A1", List.of(new ParcelLine(1, "MUG-001", 1, null),
                        new ParcelLine(2, "LAMP-7", 1, null))),
                // a parcel of the shipment that does not say: whatever is still open
                org.assertj.core.groups.Tuple.tuple("A2", null));

        InboundChange matched = new InboundChange("c-lines", Platform.SHOPIFY, "shop", InboundChange.Kind.LINES_MATCHED,
                "ord-1", "#1001", null, null, null, Map.of(1, "gid://shopify/FulfillmentOrderLineItem/11"));
        ChannelOrder known = OrderSync.changed(first.order(), matched, NOW).order();
        assertThat(known.storeLineItems()).containsExactly(Map.entry(1, "gid://shopify/FulfillmentOrderLineItem/11"));

        // the second mug, named by its SKU alone: our line 1, the store's line item matched before
        OrderSync.Step second = OrderSync.shipped(known, "dsp-1", "DHL", List.of("B1"), List.of(
                new ShippedParcel("B1", List.of(new ParcelItem(null, "MUG-001", 1)))));
        assertThat(second.calls()).singleElement().extracting(OutboundCall::items).isEqualTo(List.of(
                new ParcelLine(1, "MUG-001", 1, "gid://shopify/FulfillmentOrderLineItem/11")));
    }

    @Test
    void aChangeToldAgainIsNotAskedOrRefusedTwice() {
        Address moved = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
        OrderSync.Step asked = OrderSync.changed(PLACED, change(InboundChange.Kind.UPDATED, moved), NOW);
        assertThat(asked.shipTo()).isPresent();
        assertThat(OrderSync.changed(asked.order(), change(InboundChange.Kind.UPDATED, moved), NOW).shipTo())
                .as("the same delivery replayed, or another edit with the same address").isEmpty();
        Address again = new Address("10 Third Lane", null, "York", null, "YO1 7HH", "GB");
        assertThat(OrderSync.changed(asked.order(), change(InboundChange.Kind.UPDATED, again), NOW).shipTo())
                .contains(again);

        InboundChange cancel = change(InboundChange.Kind.CANCELLED, null);
        OrderSync.Step late = OrderSync.changed(PLACED.withStatus(OrderStatus.SHIPPED), cancel, NOW);
        assertThat(late.refusal()).isPresent();
        assertThat(OrderSync.changed(late.order(), cancel, NOW).refusal()).isEmpty();
    }

    @Test
    void ourCancellationIsToldButNotOneTheChannelAskedFor() {
        assertThat(OrderSync.moved(PLACED, OrderStatus.CANCELLED, null, Optional.empty()).calls())
                .extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.CANCEL);
        assertThat(OrderSync.moved(PLACED.cancelAsked(), OrderStatus.CANCELLED, null, Optional.empty()).calls())
                .isEmpty();
        assertThat(OrderSync.moved(PLACED, OrderStatus.SHIPPED, null, Optional.of(OrderStatus.SHIPPED)).calls())
                .extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.COMPLETE);
        assertThat(OrderSync.moved(PLACED, OrderStatus.SHIPPED, null, Optional.of(OrderStatus.DELIVERED)).calls())
                .isEmpty();
    }

    @Test
    void anOrderWeCouldNotTakeIsCancelledOnTheChannelWithWhy() {
        OrderSync.Step rejected = OrderSync.moved(PLACED, OrderStatus.REJECTED, "out of stock: MUG-001 (2 short)",
                Optional.of(OrderStatus.DELIVERED));
        assertThat(rejected.calls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo(OutboundCall.Kind.CANCEL);
            assertThat(call.reason()).isEqualTo("out of stock: MUG-001 (2 short)");
            assertThat(call.callId()).isEqualTo(OrderSync.moved(PLACED, OrderStatus.CANCELLED, null, Optional.empty())
                    .calls().get(0).callId());
        });
        assertThat(OrderSync.moved(rejected.order(), OrderStatus.REJECTED, "again", Optional.empty()).calls())
                .as("told once").isEmpty();
        assertThat(OrderSync.moved(PLACED.cancelAsked(), OrderStatus.REJECTED, "out of stock: MUG-001", Optional.empty())
                .calls()).as("the channel cancelled it already").isEmpty();
    }

    @Test
    void ourCancellationCarriesTheReasonItWasStartedForNotTheSuppliersLastWord() {
        ChannelOrder accepted = PLACED.withStatus(OrderStatus.ACCEPTED);
        OrderSync.Step cancelling = OrderSync.moved(accepted, OrderStatus.CANCELLING,
                "cancelled by ops: out of stock at the supplier; asking the suppliers", Optional.empty());
        OrderSync.Step cancelled = OrderSync.moved(cancelling.order(), OrderStatus.CANCELLED,
                "every supplier cancelled its dispatch", Optional.empty());
        assertThat(cancelled.calls()).singleElement().satisfies(call -> {
            assertThat(call.kind()).isEqualTo(OutboundCall.Kind.CANCEL);
            assertThat(call.reason()).isEqualTo("cancelled by ops: out of stock at the supplier; asking the suppliers");
        });
        assertThat(OrderSync.moved(PLACED, OrderStatus.CANCELLED, "cancelled by ops: customer asked", Optional.empty())
                .calls()).extracting(OutboundCall::reason).containsExactly("cancelled by ops: customer asked");
    }

    @Test
    void theStoreIsToldTheOrderIsDoneWhenItPassesTheStatusItCompletesOnEvenSkippingIt() {
        ChannelOrder accepted = PLACED.withStatus(OrderStatus.ACCEPTED);
        // a carrier's first scan came before the shipment was recorded: SHIPPED never shows
        OrderSync.Step inTransit = OrderSync.moved(accepted, OrderStatus.IN_TRANSIT, null,
                Optional.of(OrderStatus.SHIPPED));
        assertThat(inTransit.calls()).extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.COMPLETE);
        assertThat(OrderSync.moved(inTransit.order(), OrderStatus.DELIVERED, null, Optional.of(OrderStatus.SHIPPED))
                .calls()).isEmpty();
        assertThat(OrderSync.moved(inTransit.order(), OrderStatus.DELIVERED, null, Optional.of(OrderStatus.DELIVERED))
                .calls()).extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.COMPLETE);
        assertThat(OrderSync.moved(accepted, OrderStatus.IN_TRANSIT, null, Optional.of(OrderStatus.DELIVERED)).calls())
                .isEmpty();
        assertThat(OrderSync.moved(accepted, OrderStatus.CANCELLING, null, Optional.of(OrderStatus.SHIPPED)).calls())
                .isEmpty();
    }

    @Test
    void anOrderPartlyOnItsWayIsNotDoneForTheStoreUntilEveryUnitIs() {
        Optional<OrderStatus> onShipped = Optional.of(OrderStatus.SHIPPED);
        ChannelOrder accepted = PLACED.withStatus(OrderStatus.ACCEPTED);
        OrderSync.Step partlyShipped = OrderSync.moved(accepted, OrderStatus.PARTIALLY_SHIPPED, null, onShipped);
        assertThat(partlyShipped.calls()).as("some units still at the supplier").isEmpty();
        // one supplier's parcel arrived while the other supplier has not shipped yet
        OrderSync.Step partlyDelivered = OrderSync.moved(partlyShipped.order(), OrderStatus.PARTIALLY_DELIVERED, null,
                onShipped);
        assertThat(partlyDelivered.calls()).isEmpty();
        assertThat(OrderSync.moved(partlyDelivered.order(), OrderStatus.DELIVERED, null, onShipped).calls())
                .extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.COMPLETE);
        assertThat(OrderSync.moved(partlyShipped.order(), OrderStatus.SHIPPED, null, onShipped).calls())
                .extracting(OutboundCall::kind).containsExactly(OutboundCall.Kind.COMPLETE);
    }

    @Test
    void aCancellationStopsAnOrderUntilItShipsAndIsRefusedAfter() {
        InboundChange cancel = change(InboundChange.Kind.CANCELLED, null);
        OrderSync.Step early = OrderSync.changed(PLACED.withStatus(OrderStatus.ACCEPTED), cancel, NOW);
        assertThat(early.cancelReason()).contains("cancelled on the channel: customer");
        assertThat(early.order().cancelledByChannel()).isTrue();

        OrderSync.Step late = OrderSync.changed(PLACED.withStatus(OrderStatus.SHIPPED), cancel, NOW);
        assertThat(late.cancelReason()).isEmpty();
        assertThat(late.refusal()).hasValueSatisfying(r -> assertThat(r.reason()).contains("SHIPPED"));

        assertThat(OrderSync.changed(null, cancel, NOW)).satisfies(step -> {
            assertThat(step.refusal()).isEmpty();
            assertThat(step.cancelReason()).isEmpty();
        });
    }

    @Test
    void aChangedAddressIsAskedOfOrderServiceOnceAndAnUnchangedOneIsNothing() {
        assertThat(OrderSync.changed(PLACED, change(InboundChange.Kind.UPDATED, HOME), NOW).shipTo()).isEmpty();
        Address moved = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
        OrderSync.Step asked = OrderSync.changed(PLACED, change(InboundChange.Kind.UPDATED, moved), NOW);
        assertThat(asked.shipTo()).contains(moved);
        assertThat(asked.refusal()).as("order-service decides").isEmpty();
        assertThat(OrderSync.changed(asked.order(), change(InboundChange.Kind.UPDATED, moved), NOW).shipTo())
                .as("told again").isEmpty();

        ChannelOrder shipping = asked.order().shippingTo(moved);
        assertThat(OrderSync.changed(shipping, change(InboundChange.Kind.UPDATED, HOME), NOW).shipTo())
                .as("moving back is a change of its own").contains(HOME);
    }

    @Test
    void anAddressChangeOrderServiceRefusedIsRefusedForOpsWithItsReasonOnlyWhenTheStoreAskedIt() {
        Address moved = new Address("9 Other Road", null, "Leeds", null, "LS1 4AP", "GB");
        AddressChangeRefused refused = new AddressChangeRefused("r-1", NOW, "ord-1", "shopify:shop", moved,
                OrderStatus.DISPATCHED, "the address of an order that is DISPATCHED cannot change: it has gone");
        assertThat(OrderSync.addressRefused(PLACED, refused, NOW).refusal()).hasValueSatisfying(r -> {
            assertThat(r.asked()).isEqualTo("address change");
            assertThat(r.externalRef()).isEqualTo("#1001");
            assertThat(r.reason()).isEqualTo("The shipping address changed on the channel to 9 Other Road, Leeds,"
                    + " LS1 4AP, GB, but the address of an order that is DISPATCHED cannot change: it has gone; we still"
                    + " ship to the address it had. Cancel and place it again, or settle it with the supplier.");
            assertThat(r.refusalId()).as("the same decision replayed has the same id")
                    .isEqualTo(OrderSync.addressRefused(PLACED, refused, NOW).refusal().orElseThrow().refusalId());
        });
        ChannelOrder told = OrderSync.addressRefused(PLACED, refused, NOW).order();
        assertThat(OrderSync.addressRefused(told, refused, NOW).refusal()).as("told again: shown once").isEmpty();
        assertThat(OrderSync.changed(told, change(InboundChange.Kind.UPDATED, moved), NOW).shipTo())
                .as("and not asked again").isEmpty();
        AddressChangeRefused opsAsked = new AddressChangeRefused("r-2", NOW, "ord-1", "admin:ops", moved,
                OrderStatus.DISPATCHED, "…");
        assertThat(OrderSync.addressRefused(PLACED, opsAsked, NOW).refusal()).as("ops had their answer").isEmpty();
    }

    @Test
    void aPaidOrderIsPlacedOnceAndThenIsAnEdit() {
        var details = OrderFixtures.anOrder().details();
        InboundChange paid = new InboundChange("c-1", Platform.WOOCOMMERCE, "woo", InboundChange.Kind.PLACED, "ord-9",
                "501", null, details.shipTo(), details);
        OrderSync.Step placed = OrderSync.changed(null, paid, NOW);
        assertThat(placed.place()).contains(details);
        assertThat(OrderSync.changed(placed.order(), paid, NOW).place()).isEmpty();
    }

    /** An Amazon order's address is restricted data: the order state keeps none, and a poll seeing it again is nothing. */
    @Test
    void anAmazonOrderKeepsNoAddressAndIsPlacedOnce() {
        var details = OrderFixtures.anOrder().details();
        InboundChange polled = new InboundChange("c-1", Platform.AMAZON, "amz", InboundChange.Kind.PLACED, "ord-8",
                "111-0000001", null, null, details);
        OrderSync.Step placed = OrderSync.changed(null, polled, NOW);
        assertThat(placed.place()).contains(details);
        assertThat(placed.order().shipTo()).isNull();
        OrderSync.Step again = OrderSync.changed(placed.order(), polled, NOW);
        assertThat(again.place()).isEmpty();
        assertThat(again.order()).isEqualTo(placed.order());
        assertThat(again.calls()).isEmpty();
        assertThat(again.refusal()).as("not taken for an address change").isEmpty();
    }

    /** A shipment's parcels that do not say what they hold. */
    private static List<ShippedParcel> unsaid(String... numbers) {
        return java.util.Arrays.stream(numbers).map(n -> new ShippedParcel(n, null)).toList();
    }

    private static InboundChange change(InboundChange.Kind kind, Address shipTo) {
        return new InboundChange("c-" + kind, Platform.SHOPIFY, "shop", kind, "ord-1", "#1001", "customer", shipTo,
                null);
    }
}
