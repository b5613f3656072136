package com.openfulfil.dropship.local.bench;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every order the pipeline has spoken of during the run, by order id. */
final class OrderBook {
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    /** The order's track, created on first mention (by the API's answer or by an event, whichever comes first). */
    Track track(String orderId) {
        return tracks.computeIfAbsent(orderId, Track::new);
    }

    Collection<Track> all() {
        return tracks.values();
    }

    int size() {
        return tracks.size();
    }
}
