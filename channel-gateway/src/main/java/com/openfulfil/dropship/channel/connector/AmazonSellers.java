package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each configured Amazon seller's API client, shared by the poller and the connector so both use one
 * access token per seller.
 */
public final class AmazonSellers {
    private final Map<String, AmazonApi> apis = new LinkedHashMap<>();
    private final Clock clock;

    public AmazonSellers(ChannelProperties properties, Clock clock) {
        this.clock = clock;
        properties.amazon().forEach(store -> apis.put(store.id(), new AmazonApi(store, properties.outbound().timeout(),
                clock)));
    }

    AmazonApi api(String storeId) {
        return apis.get(storeId);
    }

    Clock clock() {
        return clock;
    }
}
