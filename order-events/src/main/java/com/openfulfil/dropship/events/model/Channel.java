package com.openfulfil.dropship.events.model;

/**
 * Where an order came from. SHOPIFY: a Shopify store's orders/create webhook to order-service;
 * WOOCOMMERCE, AMAZON: a WooCommerce store's webhooks, an Amazon seller's orders polled, both by
 * channel-gateway. Values are written by name,
 * so a new one is added at the end and its readers are deployed before its writer.
 */
public enum Channel {
    STOREFRONT, PARTNER, SHOPIFY, WOOCOMMERCE, AMAZON
}
