package com.openfulfil.dropship.events.model;

/** Where an order came from. */
public enum Channel {
    STOREFRONT, PARTNER, SHOPIFY
}
