package com.openfulfil.dropship.channel.domain;

import java.util.List;

/**
 * One thing to tell a channel, as the stream decided it ({@code channels.outbound}). {@code callId} is
 * stable: the same decision replayed carries the same id, so the connector can recognise it.
 *
 * @param externalRef the channel's name for the order (Shopify's order name, {@code #1001})
 * @param previousTrackingNumber on {@link Kind#RETRACK}, the number the parcel had
 * @param items on {@link Kind#FULFIL}, what the parcel holds of the order's lines; null when the shipment does not
 *              say (the parcel fulfils whatever is still open)
 * @param reason on {@link Kind#CANCEL}, why we cancelled the order, as order-service said (a store that takes a
 *               reason is given the closest of its own); null when not known
 */
public record OutboundCall(String callId, Platform platform, String storeId, Kind kind, String orderId,
                           String externalRef, String trackingNumber, String previousTrackingNumber, String carrier,
                           String sku, Integer quantity, List<ParcelLine> items, String reason) {

    public OutboundCall {
        items = items == null ? null : List.copyOf(items);
    }

    public enum Kind {
        /** a parcel shipped: create its fulfilment */
        FULFIL,
        /** a shipped parcel's tracking number changed */
        RETRACK,
        /** we cancelled the order: cancel it on the channel too */
        CANCEL,
        /** the order reached the status the store counts as done (WooCommerce: completed) */
        COMPLETE,
        /** a product's available stock */
        STOCK
    }

    /** @param items what the parcel holds; null: it does not say */
    public static OutboundCall fulfil(String callId, Platform platform, String storeId, String orderId,
                                      String externalRef, String trackingNumber, String carrier, List<ParcelLine> items) {
        return new OutboundCall(callId, platform, storeId, Kind.FULFIL, orderId, externalRef, trackingNumber, null,
                carrier, null, null, items, null);
    }

    public static OutboundCall retrack(String callId, Platform platform, String storeId, String orderId,
                                       String externalRef, String trackingNumber, String previous, String carrier) {
        return new OutboundCall(callId, platform, storeId, Kind.RETRACK, orderId, externalRef, trackingNumber, previous,
                carrier, null, null, null, null);
    }

    /** @param reason why we cancelled it; null when not known */
    public static OutboundCall cancel(String callId, Platform platform, String storeId, String orderId,
                                      String externalRef, String reason) {
        return new OutboundCall(callId, platform, storeId, Kind.CANCEL, orderId, externalRef, null, null, null, null,
                null, null, reason);
    }

    public static OutboundCall complete(String callId, Platform platform, String storeId, String orderId,
                                        String externalRef) {
        return new OutboundCall(callId, platform, storeId, Kind.COMPLETE, orderId, externalRef, null, null, null, null,
                null, null, null);
    }

    public static OutboundCall stock(String callId, Platform platform, String storeId, String sku, int quantity) {
        return new OutboundCall(callId, platform, storeId, Kind.STOCK, null, null, null, null, null, sku, quantity,
                null, null);
    }
}
