package com.openfulfil.dropship.events.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Who placed the order: a storefront (with its own reference) or a partner reselling catalog
 * products. {@code partnerId} and {@code partnerName} are set only for partner orders. A
 * replacement order (channel RESHIP) names the order it replaces in {@code replaces}, and keeps
 * that order's storefront; it is never a partner order, so it earns no commission.
 */
public record OrderSource(Channel channel, String storefrontId, String partnerId, String partnerName,
                          String externalRef, String replaces) {

    public OrderSource(Channel channel, String storefrontId, String partnerId, String partnerName, String externalRef) {
        this(channel, storefrontId, partnerId, partnerName, externalRef, null);
    }

    @JsonIgnore
    public boolean isPartnerOrder() {
        return partnerId != null;
    }
}
