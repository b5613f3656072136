package com.openfulfil.dropship.events.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Who placed the order: a storefront (with its own reference) or a partner reselling catalog
 * products. {@code partnerId} and {@code partnerName} are set only for partner orders.
 */
public record OrderSource(Channel channel, String storefrontId, String partnerId, String partnerName,
                          String externalRef) {

    @JsonIgnore
    public boolean isPartnerOrder() {
        return partnerId != null;
    }
}
