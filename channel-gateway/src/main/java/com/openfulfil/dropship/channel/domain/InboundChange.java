package com.openfulfil.dropship.channel.domain;

import com.openfulfil.dropship.events.model.Address;

/**
 * What a channel told us about one of its orders ({@code channels.inbound}, keyed by our order id): the
 * customer cancelled it, or the order was edited (only its shipping address matters to us).
 *
 * @param shipTo on {@link Kind#UPDATED}, the shipping address the channel now has
 */
public record InboundChange(String changeId, Platform platform, String storeId, Kind kind, String orderId,
                            String externalRef, String reason, Address shipTo) {
    public enum Kind { CANCELLED, UPDATED }
}
