package com.openfulfil.dropship.events.model;

/**
 * Where an order came from. SHOPIFY: a Shopify store's orders/create webhook to order-service;
 * WOOCOMMERCE and AMAZON: a WooCommerce store's webhooks and an Amazon seller's polled orders, both
 * through channel-gateway. RESHIP: a replacement order, placed by order-service when ops reship
 * an order's units. Values are written by name, so a new one goes at the end and its readers
 * are deployed before its writers.
 */
public enum Channel {
    STOREFRONT, PARTNER, SHOPIFY, WOOCOMMERCE, AMAZON, RESHIP
}
