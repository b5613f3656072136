package com.openfulfil.dropship.channel.web;

import com.openfulfil.dropship.events.model.Address;

/** The fields we use of a Shopify {@code orders/cancelled} or {@code orders/updated} webhook. */
record ShopifyOrderChange(Long id, String name, String cancelledAt, String cancelReason, ShippingAddress shippingAddress) {

    record ShippingAddress(String address1, String address2, String city, String province, String zip,
                           String countryCode) {
        Address toAddress() {
            return new Address(address1, address2, city, province, zip, countryCode);
        }
    }

    /** Our reference for it, as order-service's orders/create intake names it. */
    String externalRef() {
        return name != null ? name : String.valueOf(id);
    }
}
