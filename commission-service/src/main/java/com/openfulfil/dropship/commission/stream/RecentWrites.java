package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.events.Event;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance has just written to a compacted topic, answered until the global store it reads
 * the topic through shows that write or a newer one, so a caller's next request starts from it.
 */
final class RecentWrites<V extends Event> {
    private final Map<String, V> written = new ConcurrentHashMap<>();

    void remember(String key, V value) {
        written.put(key, value);
    }

    Optional<V> latest(String key, Optional<V> stored) {
        V mine = written.get(key);
        if (mine == null) {
            return stored;
        }
        if (stored.isPresent() && !stored.get().occurredAt().isBefore(mine.occurredAt())) {
            written.remove(key, mine);
            return stored;
        }
        return Optional.of(mine);
    }
}
