package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.order.AddressChangeRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a channel's order as the pipeline moves it and as the channel changes it. Pure:
 * the stream keeps the {@link ChannelOrder} and sends what comes out.
 */
public final class OrderSync {
    /**
     * An order's way forward, on which a store's "complete on" status is reached once passed. The partial
     * states are off it: an order some of whose units are still at a supplier is not done for the store,
     * whichever of its parcels has arrived.
     */
    private static final List<OrderStatus> FORWARD = List.of(OrderStatus.PLACED, OrderStatus.CONFIRMED,
            OrderStatus.DISPATCHED, OrderStatus.ACCEPTED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
            OrderStatus.DELIVERED, OrderStatus.COMPLETED);

    private OrderSync() {
    }

    /**
     * What the channel is told, what the pipeline is asked (an order to place, a cancellation, another
     * address), what is refused, and the order after it (null: still none).
     */
    public record Step(ChannelOrder order, List<OutboundCall> calls, Optional<OrderDetails> place,
                       Optional<String> cancelReason, Optional<ChannelRefusal> refusal, Optional<Address> shipTo) {
        static Step of(ChannelOrder order) {
            return new Step(order, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Step calls(ChannelOrder order, List<OutboundCall> calls) {
            return new Step(order, calls, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Parcels handed to a carrier, each told once, however often the shipment is replayed. A shipment
     * that names its parcels' contents (every one supplier-gateway writes since parcels say what they
     * hold) only ever adds parcels: a number not told before is a parcel of its own ({@code dispatchId#number}),
     * the second parcel of a dispatch shipped in two included, and the store is told which of the order's
     * lines, and how many units of each, the parcel holds. In an older shipment that names no contents
     * the parcels are known by their place ({@code dispatchId#index}), and another number at a place
     * already told is that parcel re-tracked.
     *
     * @param parcels what each parcel holds, as the shipment says; null on a shipment that does not say
     */
    public static Step shipped(ChannelOrder order, String dispatchId, String carrier, List<String> trackingNumbers,
                               List<ShippedParcel> parcels) {
        boolean addsParcels = parcels != null;
        ChannelOrder next = order;
        List<OutboundCall> calls = new ArrayList<>();
        for (int i = 0; i < trackingNumbers.size(); i++) {
            String number = trackingNumbers.get(i);
            String parcel = dispatchId + "#" + (addsParcels ? number : Integer.toString(i));
            String told = next.parcels().get(parcel);
            if (Objects.equals(told, number)) {
                continue;
            }
            String callId = EventIds.derived(order.orderId(), parcel, number);
            calls.add(told == null
                    ? OutboundCall.fulfil(callId, order.platform(), order.storeId(), order.orderId(), order.externalRef(),
                    number, carrier, contents(order, parcels, number))
                    : OutboundCall.retrack(callId, order.platform(), order.storeId(), order.orderId(),
                    order.externalRef(), number, told, carrier));
            next = next.withParcel(parcel, number);
        }
        return Step.calls(next, calls);
    }

    /** What parcel {@code number} holds of the order's lines; null when the shipment does not say. */
    private static List<ParcelLine> contents(ChannelOrder order, List<ShippedParcel> parcels, String number) {
        ShippedParcel parcel = parcels == null ? null : parcels.stream()
                .filter(p -> p.trackingNumber().equals(number)).findFirst().orElse(null);
        if (parcel == null || !parcel.namesContents()) {
            return null;
        }
        List<ParcelLine> lines = new ArrayList<>();
        for (ParcelItem item : parcel.items()) {
            Integer lineNo = item.lineNo() != null ? item.lineNo() : lineOf(order, item.sku());
            String sku = item.sku() != null ? item.sku() : order.lines().get(lineNo);
            lines.add(new ParcelLine(lineNo, sku, item.quantity(),
                    lineNo == null ? null : order.storeLineItems().get(lineNo)));
        }
        return lines;
    }

    private static Integer lineOf(ChannelOrder order, String sku) {
        return order.lines().entrySet().stream().filter(e -> e.getValue().equals(sku)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /**
     * The pipeline moved the order: a cancellation the channel did not ask for is told to it, with the reason
     * order-service gave when the cancelling began; so is an order we could not take (REJECTED: no supplier
     * had its stock), which the store must not leave open as if it were coming; and so is the status the
     * store counts as done.
     *
     * @param reason     order-service's words for the move; null when it gave none
     * @param completeOn the status at which the store marks the order done; empty: the store has no such step
     */
    public static Step moved(ChannelOrder order, OrderStatus to, String reason, Optional<OrderStatus> completeOn) {
        ChannelOrder next = order.withStatus(to);
        if (to == order.status()) {
            return Step.of(next);
        }
        boolean ends = to == OrderStatus.CANCELLED || to == OrderStatus.REJECTED;
        if (to == OrderStatus.CANCELLING || ends) {
            next = next.cancelledFor(reason);
        }
        if (ends && !order.cancelledByChannel()) {
            return Step.calls(next, List.of(OutboundCall.cancel(EventIds.derived(order.orderId(), "cancel"),
                    order.platform(), order.storeId(), order.orderId(), order.externalRef(), next.cancelReason())));
        }
        if (completeOn.isPresent() && passes(order.status(), to, completeOn.get())) {
            return Step.calls(next, List.of(OutboundCall.complete(EventIds.derived(order.orderId(), "complete"),
                    order.platform(), order.storeId(), order.orderId(), order.externalRef())));
        }
        return Step.of(next);
    }

    /**
     * Whether a move from {@code from} to {@code to} passes {@code target} on an order's way forward. An order
     * may skip a status (a carrier's first scan can come before the shipment is recorded: ACCEPTED, then
     * IN_TRANSIT), so reaching a later one counts; coming back from a status off that way (an exception, a
     * return) counts again, which the store's client makes harmless by reading the order's status first.
     */
    static boolean passes(OrderStatus from, OrderStatus to, OrderStatus target) {
        int before = FORWARD.indexOf(from);
        int now = FORWARD.indexOf(to);
        int goal = FORWARD.indexOf(target);
        return goal >= 0 && now >= goal && before < goal;
    }

    /**
     * The channel changed its order. A paid order we do not have yet is placed. A cancellation becomes
     * ours while the order can still be stopped; after that it is refused (the parcel is on its way: a
     * return is the way back). A changed address is asked of order-service, which changes the order's
     * while its stock is not reserved and refuses it after ({@link #addressRefused}); once: the same
     * address told again (a delivery replayed, another edit of the order) is not asked again. A change to
     * an order we never had (we did not take it) is nothing to us. Line items a fulfilment matched to our
     * lines are kept for the order's next parcels.
     *
     * @param order null when we have no such order
     */
    public static Step changed(ChannelOrder order, InboundChange change, Instant now) {
        if (order == null) {
            if (change.kind() != InboundChange.Kind.PLACED || change.order() == null) {
                return Step.of(null);
            }
            ChannelOrder placed = ChannelOrder.placed(change.orderId(), change.platform(), change.storeId(),
                    change.externalRef(), change.order());
            return new Step(placed, List.of(), Optional.of(change.order()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        if (change.kind() == InboundChange.Kind.LINES_MATCHED) {
            return Step.of(order.withStoreLineItems(change.storeLineItems() == null ? Map.of() : change.storeLineItems()));
        }
        if (change.kind() == InboundChange.Kind.CANCELLED) {
            return cancelled(order, change, now);
        }
        if (change.shipTo() == null || change.shipTo().equals(order.shipTo())
                || change.shipTo().equals(order.askedShipTo()) || change.shipTo().equals(order.refusedShipTo())) {
            return Step.of(order);  // unchanged, or this change asked (or refused) already
        }
        return new Step(order.addressAsked(change.shipTo()), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(change.shipTo()));
    }

    /**
     * order-service refused an address change: one the store asked for is refused for ops, once, with the
     * address and order-service's reason (the order and the store now differ); one someone else asked is not ours.
     */
    public static Step addressRefused(ChannelOrder order, AddressChangeRefused refused, Instant now) {
        if (!requester(order).equals(refused.requestedBy()) || refused.shipTo().equals(order.refusedShipTo())) {
            return Step.of(order);  // not the store's, or refused for ops already
        }
        ChannelRefusal refusal = new ChannelRefusal(EventIds.derived(refused.eventId(), "refused"), now,
                order.platform(), order.storeId(), order.orderId(), order.externalRef(), "address change",
                "The shipping address changed on the channel to " + refused.shipTo().oneLine() + ", but "
                        + refused.reason() + "; we still ship to the address it had. Cancel and place it again, or"
                        + " settle it with the supplier.");
        return new Step(order.addressRefused(refused.shipTo()), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(refusal), Optional.empty());
    }

    /** Who the store's commands are from, as order-service records them ({@code shopify:<store id>}). */
    public static String requester(ChannelOrder order) {
        return order.platform().name().toLowerCase() + ":" + order.storeId();
    }

    private static Step cancelled(ChannelOrder order, InboundChange change, Instant now) {
        if (order.cancelledOrCancelling() || order.cancelledByChannel()) {
            return Step.of(order);
        }
        if (!order.cancellable()) {
            // cancelled on the channel all the same: refused once, and never told back to it
            return refused(order.cancelAsked(), change, now, "The order is " + order.status()
                    + ": it has left the supplier and can no longer be cancelled; ask for a return once delivered.");
        }
        String reason = change.reason() == null || change.reason().isBlank() ? "cancelled on the channel"
                : "cancelled on the channel: " + change.reason();
        return new Step(order.cancelAsked(), List.of(), Optional.empty(), Optional.of(reason), Optional.empty(),
                Optional.empty());
    }


    private static Step refused(ChannelOrder order, InboundChange change, Instant now, String reason) {
        ChannelRefusal refusal = new ChannelRefusal(EventIds.derived(change.changeId(), "refused"), now,
                change.platform(), change.storeId(), change.orderId(), change.externalRef(),
                change.kind() == InboundChange.Kind.CANCELLED ? "cancel" : "address change", reason);
        return new Step(order, List.of(), Optional.empty(), Optional.empty(), Optional.of(refusal), Optional.empty());
    }
}
