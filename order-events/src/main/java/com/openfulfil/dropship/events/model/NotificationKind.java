package com.openfulfil.dropship.events.model;

/** The messages a customer gets about an order (R4.4). */
public enum NotificationKind {
    /** The order is confirmed; it ships directly from our supplier, expected within some days. */
    ORDER_CONFIRMED,
    /** A parcel is with its carrier: carrier, tracking number, a link to follow it and what it holds. */
    PARCEL_SHIPPED,
    /** A parcel has gone quiet for longer than usual; we are watching it. */
    PARCEL_DELAYED,
    /** Every unit of the order has arrived. */
    ORDER_DELIVERED,
    /** The order is cancelled (by the customer, the shop or because every supplier cancelled): nothing ships. */
    ORDER_CANCELLED,
    /** The order could not be taken: an item is out of stock at every supplier. Nothing was charged for it. */
    ORDER_REJECTED,
    /** The order (or part of it) has been refunded. */
    ORDER_REFUNDED,
    /** Some units of the order have arrived, the others are still to come. */
    ORDER_PARTIALLY_DELIVERED,
    /** A replacement for (some of) the order's units is on its way, at no cost; its tracking follows when it ships. */
    ORDER_RESHIPPED,
    /**
     * A return is authorised at a supplier: where to send the goods, the RMA number to write on the parcel
     * and who pays the postage.
     */
    RETURN_AUTHORISED
}
