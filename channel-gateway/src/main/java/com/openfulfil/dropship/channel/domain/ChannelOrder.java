package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An order that came from a channel, as this service keeps it: where it came from, where it ships
 * (to tell an address change from a replay; none for Amazon, whose address is restricted data), its
 * status, its lines, and what the channel was last told of each parcel.
 *
 * @param parcels            parcel key ({@code dispatchId#index}) to the tracking number the channel has
 * @param cancelledByChannel the channel asked for the cancellation, so it need not be told of it
 * @param lines              our line number to its SKU, so a parcel naming only a SKU finds its line
 * @param storeLineItems     our line number to the store's line item it is (Shopify: the fulfilment-order line
 *                           item), once a fulfilment has matched them; a later parcel of the line names it directly
 * @param askedShipTo        the changed address last asked of order-service, so the same change told again (a
 *                           delivery replayed, another edit of the order) is not asked twice
 * @param refusedShipTo      the changed address last refused for ops, so a refusal told again is shown once (and,
 *                           in an order kept while this gateway refused every change itself, not asked again)
 * @param cancelReason       why we cancelled the order, as order-service said when it started cancelling it (a
 *                           cancellation the suppliers finish ends with their words, not the reason); null while not
 */
public record ChannelOrder(String orderId, Platform platform, String storeId, String externalRef, Address shipTo,
                           OrderStatus status, Map<String, String> parcels, boolean cancelledByChannel,
                           Map<Integer, String> lines, Map<Integer, String> storeLineItems,
                           Address askedShipTo, Address refusedShipTo, String cancelReason) {

    /** Where a cancellation still stops the order (after that it ships: a return is the way back). */
    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED,
            OrderStatus.DISPATCHED, OrderStatus.ACCEPTED);

    public ChannelOrder {
        parcels = Map.copyOf(parcels);
        // orders kept before lines were: none known
        lines = lines == null ? Map.of() : Map.copyOf(lines);
        storeLineItems = storeLineItems == null ? Map.of() : Map.copyOf(storeLineItems);
    }

    public static ChannelOrder placed(String orderId, Platform platform, String storeId, String externalRef,
                                      OrderDetails details) {
        Map<Integer, String> lines = new LinkedHashMap<>();
        for (OrderLine line : details.lines()) {
            if (line.sku() != null) {
                lines.put(line.lineNo(), line.sku());
            }
        }
        // an Amazon address is restricted data and never changes through the channel: it stays with the order alone
        Address kept = platform == Platform.AMAZON ? null : details.shipTo();
        return new ChannelOrder(orderId, platform, storeId, externalRef, kept, OrderStatus.PLACED, Map.of(),
                false, lines, Map.of(), null, null, null);
    }

    /** The order is being cancelled, or was, for {@code reason}; the first reason given stays. */
    public ChannelOrder cancelledFor(String reason) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, cancelledByChannel,
                lines, storeLineItems, askedShipTo, refusedShipTo, cancelReason != null ? cancelReason : reason);
    }

    public ChannelOrder withStatus(OrderStatus now) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, now, parcels, cancelledByChannel,
                lines, storeLineItems, askedShipTo, refusedShipTo, cancelReason);
    }

    public ChannelOrder cancelAsked() {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, true, lines,
                storeLineItems, askedShipTo, refusedShipTo, cancelReason);
    }

    public ChannelOrder withParcel(String parcelKey, String trackingNumber) {
        Map<String, String> next = new LinkedHashMap<>(parcels);
        next.put(parcelKey, trackingNumber);
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, next, cancelledByChannel,
                lines, storeLineItems, askedShipTo, refusedShipTo, cancelReason);
    }

    /** The store's line items of our lines, as a fulfilment matched them; those matched before stay. */
    public ChannelOrder withStoreLineItems(Map<Integer, String> matched) {
        Map<Integer, String> next = new LinkedHashMap<>(storeLineItems);
        next.putAll(matched);
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, cancelledByChannel,
                lines, next, askedShipTo, refusedShipTo, cancelReason);
    }

    public ChannelOrder addressAsked(Address asked) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, cancelledByChannel,
                lines, storeLineItems, asked, refusedShipTo, cancelReason);
    }

    public ChannelOrder addressRefused(Address refused) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, cancelledByChannel,
                lines, storeLineItems, askedShipTo, refused, cancelReason);
    }

    /** order-service moved the order to {@code now}: an edit that tells it again is nothing. */
    public ChannelOrder shippingTo(Address now) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, now, status, parcels, cancelledByChannel,
                lines, storeLineItems, askedShipTo, refusedShipTo, cancelReason);
    }

    public boolean cancellable() {
        return CANCELLABLE.contains(status);
    }

    public boolean cancelledOrCancelling() {
        return status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED;
    }
}
