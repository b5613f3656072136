package com.openfulfil.dropship.channel.domain;

/** The sales channels this service keeps in step. */
public enum Platform {
    SHOPIFY, WOOCOMMERCE, AMAZON
}
