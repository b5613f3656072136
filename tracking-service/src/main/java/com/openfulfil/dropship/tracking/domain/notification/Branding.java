package com.openfulfil.dropship.tracking.domain.notification;

import java.util.Map;

/**
 * Whose name and logo head a customer's e-mail: the store the customer bought from, as configured
 * per storefront, or the default for an order no store is configured for (a partner's order).
 *
 * @param defaultName the name used when no store is named or configured
 * @param stores      by storefront id
 */
public record Branding(String defaultName, Map<String, Store> stores) {
    /** A store's name as its customers know it, and its logo (an http(s) address of an image), if any. */
    public record Store(String name, String logoUrl) {
    }

    public Branding {
        defaultName = defaultName == null || defaultName.isBlank() ? "Dropship" : defaultName;
        stores = stores == null ? Map.of() : Map.copyOf(stores);
    }

    public static Branding plain(String name) {
        return new Branding(name, Map.of());
    }

    /** The store's branding, or the default name without a logo. */
    public Store of(String storefrontId) {
        Store store = storefrontId == null ? null : stores.get(storefrontId);
        if (store == null || store.name() == null || store.name().isBlank()) {
            return new Store(defaultName, store == null ? null : safeLogo(store.logoUrl()));
        }
        return new Store(store.name(), safeLogo(store.logoUrl()));
    }

    /** Only a web address may become an image source in the mail. */
    private static String safeLogo(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
