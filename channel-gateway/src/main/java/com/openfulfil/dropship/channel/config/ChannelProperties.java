package com.openfulfil.dropship.channel.config;

import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.events.model.OrderStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merchants' sales channels ({@code dropship.channels}), each overridable from the environment
 * ({@code DROPSHIP_CHANNELS_SHOPIFY_0_ADMIN_TOKEN}, ...). Secrets (webhook secrets, access tokens) are
 * held here only: they are never logged ({@code toString} hides them) and never written to a topic.
 *
 * @param stockDebounce  at most one stock push per store and SKU in this time; the last quantity wins
 * @param stockCheckEvery how often pushes held back by the debounce are looked at
 * @param trackingUrl    the customer's tracking page, {@code {trackingNumber}} replaced; empty: the
 *                       channel shows its own link for the carrier
 * @param adminKeySha256 the SHA-256 (hex) of ops' key ({@code X-Admin-Key}), which reads the stores'
 *                       activity and retries their refused calls; none: nobody may
 */
@ConfigurationProperties("dropship.channels")
public record ChannelProperties(@DefaultValue List<ShopifyStore> shopify,
                                @DefaultValue List<WooStore> woocommerce,
                                @DefaultValue List<AmazonStore> amazon,
                                @DefaultValue("30s") Duration stockDebounce,
                                @DefaultValue("1s") Duration stockCheckEvery,
                                String trackingUrl,
                                @DefaultValue Outbound outbound,
                                String adminKeySha256) {

    public ChannelProperties {
        shopify = List.copyOf(shopify);
        woocommerce = List.copyOf(woocommerce);
        amazon = List.copyOf(amazon);
        if (stockDebounce.isNegative() || stockCheckEvery.isZero() || stockCheckEvery.isNegative()) {
            throw new IllegalArgumentException("dropship.channels.stock-debounce must be >= 0 and stock-check-every > 0");
        }
    }

    /** Every store's id and platform, Shopify's first, then WooCommerce's and Amazon's, each in configuration order. */
    public Map<String, Platform> stores() {
        Map<String, Platform> stores = new LinkedHashMap<>();
        shopify.forEach(s -> stores.put(s.id(), Platform.SHOPIFY));
        woocommerce.forEach(s -> stores.put(s.id(), Platform.WOOCOMMERCE));
        amazon.forEach(s -> stores.put(s.id(), Platform.AMAZON));
        return stores;
    }

    /**
     * The stores whose available stock we set: Shopify stores with a location, WooCommerce stores that
     * push stock, Amazon sellers with a seller id.
     */
    public Set<String> stockStores() {
        Set<String> stores = new LinkedHashSet<>();
        shopify.stream().filter(ShopifyStore::pushesStock).forEach(s -> stores.add(s.id()));
        woocommerce.stream().filter(WooStore::pushStock).forEach(s -> stores.add(s.id()));
        amazon.stream().filter(AmazonStore::pushesStock).forEach(s -> stores.add(s.id()));
        return stores;
    }

    public Optional<ShopifyStore> shopifyStore(String id) {
        return shopify.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<ShopifyStore> shopifyByDomain(String domain) {
        return shopify.stream().filter(s -> s.domain().equalsIgnoreCase(domain == null ? "" : domain)).findFirst();
    }

    /**
     * A Shopify store. {@code id} is the storefront id order-service knows the store by (its
     * {@code orders/create} webhook places the store's orders under it).
     *
     * @param baseUrl         where its Admin API answers; default {@code https://<domain>}
     * @param webhookSecret   the app's secret Shopify signs webhooks with
     * @param adminToken      the Admin API access token ({@code X-Shopify-Access-Token})
     * @param notifyCustomer  whether Shopify e-mails the customer on each fulfilment and tracking change
     * @param locationId      the store location whose available stock we set; none: stock is not pushed
     * @param refundOnCancel  whether an order we cancel is refunded by Shopify as it is cancelled
     */
    public record ShopifyStore(String id, String domain, URI baseUrl, @DefaultValue("2025-07") String apiVersion,
                               String webhookSecret, String adminToken, @DefaultValue("true") boolean notifyCustomer,
                               String locationId, @DefaultValue("true") boolean refundOnCancel) {
        public ShopifyStore {
            if (id == null || id.isBlank() || domain == null || domain.isBlank()) {
                throw new IllegalArgumentException("Every dropship.channels.shopify[] store needs an id and a domain");
            }
        }

        public URI graphqlUrl() {
            String base = (baseUrl == null ? "https://" + domain : baseUrl.toString()).replaceAll("/+$", "");
            return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
        }

        public boolean pushesStock() {
            return locationId != null && !locationId.isBlank();
        }

        @Override
        public String toString() {
            return "ShopifyStore[id=" + id + ", domain=" + domain + ", secrets hidden]";
        }
    }

    public Optional<WooStore> wooStore(String id) {
        return woocommerce.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A WooCommerce store. {@code id} is the storefront id its orders are placed under (and the last
     * part of its webhook's address, {@code /webhooks/woocommerce/<id>}).
     *
     * @param url            the store's address; its REST API is {@code <url>/wp-json/wc/v3}
     * @param webhookSecret  the secret the store's webhooks are signed with ({@code X-WC-Webhook-Signature})
     * @param consumerKey    the REST API key (HTTP Basic user), with read/write rights
     * @param consumerSecret the REST API key's secret (HTTP Basic password)
     * @param completeOn     our status at which the store's order is set {@code completed}: SHIPPED (every
     *                       parcel is with a carrier) or DELIVERED
     * @param pushStock      whether each product's stock is set on the store's product with its SKU
     *                       ({@code stock_quantity}, stock managed)
     */
    public record WooStore(String id, URI url, String webhookSecret, String consumerKey, String consumerSecret,
                           @DefaultValue("SHIPPED") OrderStatus completeOn, @DefaultValue("false") boolean pushStock) {
        public WooStore {
            if (id == null || id.isBlank() || url == null) {
                throw new IllegalArgumentException("Every dropship.channels.woocommerce[] store needs an id and a url");
            }
            if (completeOn != OrderStatus.SHIPPED && completeOn != OrderStatus.DELIVERED) {
                throw new IllegalArgumentException("dropship.channels.woocommerce[].complete-on must be SHIPPED or"
                        + " DELIVERED, not " + completeOn);
            }
        }

        public URI apiUrl() {
            return URI.create(url.toString().replaceAll("/+$", "") + "/wp-json/wc/v3");
        }

        @Override
        public String toString() {
            return "WooStore[id=" + id + ", url=" + url + ", secrets hidden]";
        }
    }

    /**
     * An Amazon seller account, polled through the Selling Partner API. {@code id} is the storefront id its
     * orders are placed under.
     *
     * @param endpoint       the SP-API regional endpoint, e.g. {@code https://sellingpartnerapi-eu.amazon.com}
     * @param lwaUrl         Login with Amazon's token endpoint
     * @param refreshToken   the seller's authorisation of our app, exchanged for access tokens
     * @param marketplaceIds the marketplaces whose orders we take
     * @param pollEvery      how often new and updated orders are asked for
     * @param firstLookBack  how far back the very first poll of a store looks
     * @param tokenMargin    an access token is refreshed this long before it expires
     * @param sellerId       the seller's id (Seller Central's merchant token), which the Listings Items API
     *                       names listings by and the order feeds are sent under; none: stock is not pushed, and
     *                       our cancellations and tracking corrections are left to Seller Central
     * @param feedCheckEvery how often a feed sent (a cancellation, a tracking correction) is asked whether Amazon
     *                       has processed it
     */
    public record AmazonStore(String id, URI endpoint, @DefaultValue("https://api.amazon.com/auth/o2/token") URI lwaUrl,
                              String clientId, String clientSecret, String refreshToken, List<String> marketplaceIds,
                              @DefaultValue("2m") Duration pollEvery, @DefaultValue("1d") Duration firstLookBack,
                              @DefaultValue("60s") Duration tokenMargin, String sellerId,
                              @DefaultValue("1m") Duration feedCheckEvery) {
        public AmazonStore {
            if (id == null || id.isBlank() || endpoint == null || marketplaceIds == null || marketplaceIds.isEmpty()) {
                throw new IllegalArgumentException("Every dropship.channels.amazon[] store needs an id, an endpoint and"
                        + " marketplace-ids");
            }
            marketplaceIds = List.copyOf(marketplaceIds);
        }

        public boolean pushesStock() {
            return sellerId != null && !sellerId.isBlank();
        }

        @Override
        public String toString() {
            return "AmazonStore[id=" + id + ", endpoint=" + endpoint + ", marketplaces=" + marketplaceIds
                    + ", secrets hidden]";
        }
    }

    /**
     * Calls to the channels: a call that fails for the channel's sake (5xx, 429, no answer) waits with its
     * store's other waiting calls and is tried again after {@code firstBackoff}, doubling up to
     * {@code maxBackoff}, or after the channel's {@code Retry-After}, so a store that is down loses nothing
     * and delays no other store. A store with very many calls waiting stops its next call's partition for
     * {@code heldBackFor} at a time. The Amazon poller retries in place, up to {@code maxAttempts}.
     *
     * @param timeout    how long a store's answer to one request is waited for (a call is one to three requests)
     * @param answerWait how long the connector waits for a call's answer before it goes on with the other stores'
     *                   calls: each store's calls are made on a thread of the store's own, and a call not answered
     *                   by then waits, set aside with the store's next calls, for its answer (or its timeout)
     */
    public record Outbound(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration firstBackoff,
                           @DefaultValue("30s") Duration maxBackoff, @DefaultValue("10s") Duration timeout,
                           @DefaultValue("5s") Duration heldBackFor, @DefaultValue("1s") Duration answerWait) {
        public Outbound {
            if (answerWait.isNegative()) {
                throw new IllegalArgumentException("dropship.channels.outbound.answer-wait must be >= 0");
            }
        }
    }
}
