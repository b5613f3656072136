package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.channel.domain.StoreActivity;
import com.openfulfil.dropship.events.model.OrderStatus;

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
 * @param completeOn  the stores that mark an order done, and at which of our statuses
 * @param activity    where each store's orders that became ours are counted, for ops
 */
public record ChannelSettings(Map<String, Platform> stores, Set<String> stockStores, Duration stockDebounce,
                              Duration stockCheckEvery, Map<String, OrderStatus> completeOn, StoreActivity activity) {
    public ChannelSettings {
        stores = Map.copyOf(stores);
        stockStores = Set.copyOf(stockStores);
        completeOn = Map.copyOf(completeOn);
    }

    Optional<OrderStatus> completeOn(String storeId) {
        return Optional.ofNullable(completeOn.get(storeId));
    }

    Optional<Platform> platformOf(String storefrontId) {
        return Optional.ofNullable(storefrontId == null ? null : stores.get(storefrontId));
    }
}
