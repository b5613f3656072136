package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderDetails;

/**
 * What a channel told us about one of its orders ({@code channels.inbound}, keyed by our order id): a
 * paid order to place, a cancellation, or an edit (only its shipping address matters to us).
 *
 * @param shipTo on {@link Kind#UPDATED} and {@link Kind#PLACED}, the shipping address the channel now has
 * @param order  on {@link Kind#PLACED}, the order as we would place it (priced from our catalog)
 */
public record InboundChange(String changeId, Platform platform, String storeId, Kind kind, String orderId,
                            String externalRef, String reason, Address shipTo, OrderDetails order) {
    public enum Kind {
        /** the channel has the order paid: ours to place, unless we have it already (then it is an edit) */
        PLACED,
        CANCELLED,
        UPDATED
    }
}
