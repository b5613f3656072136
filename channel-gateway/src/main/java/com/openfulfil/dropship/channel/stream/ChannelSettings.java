package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.domain.Platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the stream needs of the configuration: which storefronts are which channel's stores, which
 * stores take our stock, and how often.
 *
 * @param stores      storefront id to the channel it is a store of
 * @param stockStores the stores whose available stock we set
 */
public record ChannelSettings(Map<String, Platform> stores, Set<String> stockStores, Duration stockDebounce,
                              Duration stockCheckEvery) {
    public ChannelSettings {
        stores = Map.copyOf(stores);
        stockStores = Set.copyOf(stockStores);
    }

    Optional<Platform> platformOf(String storefrontId) {
        return Optional.ofNullable(storefrontId == null ? null : stores.get(storefrontId));
    }
}
