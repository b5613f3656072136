package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An order that came from a channel, as this service keeps it: where it came from, where it ships,
 * its status, and what each parcel's tracking number was last told to the channel.
 *
 * @param parcels           parcel key ({@code dispatchId#index}) to the tracking number the channel has
 * @param cancelledByChannel the channel asked for the cancellation, so it need not be told of it
 */
public record ChannelOrder(String orderId, Platform platform, String storeId, String externalRef, Address shipTo,
                           OrderStatus status, Map<String, String> parcels, boolean cancelledByChannel) {

    /** Where a cancellation still stops the order (after that it ships: a return is the way back). */
    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED,
            OrderStatus.DISPATCHED, OrderStatus.ACCEPTED);

    public ChannelOrder {
        parcels = Map.copyOf(parcels);
    }

    public static ChannelOrder placed(String orderId, Platform platform, String storeId, String externalRef,
                                      Address shipTo) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, OrderStatus.PLACED, Map.of(), false);
    }

    public ChannelOrder withStatus(OrderStatus now) {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, now, parcels, cancelledByChannel);
    }

    public ChannelOrder cancelAsked() {
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, parcels, true);
    }

    public ChannelOrder withParcel(String parcelKey, String trackingNumber) {
        Map<String, String> next = new LinkedHashMap<>(parcels);
        next.put(parcelKey, trackingNumber);
        return new ChannelOrder(orderId, platform, storeId, externalRef, shipTo, status, next, cancelledByChannel);
    }

    public boolean cancellable() {
        return CANCELLABLE.contains(status);
    }

    public boolean cancelledOrCancelling() {
        return status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED;
    }
}
