package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderDetails;

import java.util.Map;

/**
 * What a channel told us about one of its orders ({@code channels.inbound}, keyed by our order id): a
 * paid order to place, a cancellation, an edit (only its shipping address matters to us), or which of
 * its line items are our lines.
 *
 * @param shipTo         on {@link Kind#UPDATED} and {@link Kind#PLACED}, the shipping address the channel now has
 * @param order          on {@link Kind#PLACED}, the order as we would place it (priced from our catalog)
 * @param storeLineItems on {@link Kind#LINES_MATCHED}, our line number to the store's line item it is
 */
public record InboundChange(String changeId, Platform platform, String storeId, Kind kind, String orderId,
                            String externalRef, String reason, Address shipTo, OrderDetails order,
                            Map<Integer, String> storeLineItems) {
    public enum Kind {
        /** the channel has the order paid: ours to place, unless we have it already (then it is an edit) */
        PLACED,
        CANCELLED,
        UPDATED,
        /** a fulfilment matched our lines to the store's line items (the gateway's own note, not the store's) */
        LINES_MATCHED
    }

    public InboundChange {
        storeLineItems = storeLineItems == null ? null : Map.copyOf(storeLineItems);
    }

    /** A change the store made (no line items matched). */
    public InboundChange(String changeId, Platform platform, String storeId, Kind kind, String orderId,
                         String externalRef, String reason, Address shipTo, OrderDetails order) {
        this(changeId, platform, storeId, kind, orderId, externalRef, reason, shipTo, order, null);
    }
}
