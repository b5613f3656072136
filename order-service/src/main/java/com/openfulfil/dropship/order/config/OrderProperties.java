package com.openfulfil.dropship.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param storefronts    the storefronts allowed to place orders, each with the SHA-256 of its API key
 * @param adminKeySha256 SHA-256 of the admin API key
 * @param inFlightWindow how long an accepted order is remembered before its record is queryable, so a
 *                       retry in that window is still recognised as the same order
 * @param internalSecret shared by the instances of order-service to read each other's orders; without it
 *                       every instance answers from its own partitions only (one instance)
 * @param autoCompleteAfter a delivered order nobody confirmed is completed this long after delivery
 * @param autoCompleteCheckEvery how often orders due for automatic completion are looked for
 * @param returnWindow how long after delivery a customer may ask to return an order
 */
@ConfigurationProperties("dropship.order")
public record OrderProperties(@DefaultValue List<Storefront> storefronts, String adminKeySha256,
                              @DefaultValue("30s") Duration inFlightWindow, String internalSecret,
                              @DefaultValue("7d") Duration autoCompleteAfter,
                              @DefaultValue("1m") Duration autoCompleteCheckEvery,
                              @DefaultValue("30d") Duration returnWindow) {

    /**
     * @param shopifyDomain its Shopify store ({@code example.myshopify.com}), when it sends orders by webhook
     * @param shopifySecret the Shopify app's client secret, which signs the store's webhooks
     */
    public record Storefront(String id, String name, String apiKeySha256, String shopifyDomain, String shopifySecret) {
    }
}
