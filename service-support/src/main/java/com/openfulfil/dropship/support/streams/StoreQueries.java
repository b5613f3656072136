package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a service's own Kafka Streams state stores. While the stream is starting or
 * rebalancing a store cannot be read; that surfaces as {@link StoreUnavailableException} (503).
 *
 * <p>The store handle Kafka Streams gives out finds the store's current instances on every read, so it
 * outlives a rebalance; it is looked up once per store and kept, rather than on every HTTP request
 * (the lookup walks the binder's streams and builds a new handle each time). A handle that fails (its
 * streams stopped or replaced) is dropped, and the next read looks the store up again.
 */
public class StoreQueries {
    private final InteractiveQueryService queries;
    private final Map<String, ReadOnlyKeyValueStore<String, ?>> handles = new ConcurrentHashMap<>();

    public StoreQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @SuppressWarnings("unchecked")
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        ReadOnlyKeyValueStore<String, ?> kept = handles.get(name);
        if (kept != null) {
            return (ReadOnlyKeyValueStore<String, V>) kept;
        }
        ReadOnlyKeyValueStore<String, V> found = lookUp(name);
        handles.put(name, found);
        return found;
    }

    private <V> ReadOnlyKeyValueStore<String, V> lookUp(String name) {
        try {
            return queries.getQueryableStore(name, QueryableStoreTypes.<String, V>keyValueStore());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreUnavailableException(name, e);
        }
    }

    public <V> Optional<V> get(String storeName, String key) {
        return this.<V, Optional<V>>read(storeName, store -> Optional.ofNullable(store.get(key)));
    }

    /** Runs {@code reader} against the store (a scan, a range), mapping a rebalance to {@link StoreUnavailableException}. */
    @SuppressWarnings("unchecked")
    public <V, T> T read(String storeName, Function<ReadOnlyKeyValueStore<String, V>, T> reader) {
        ReadOnlyKeyValueStore<String, ?> kept = handles.get(storeName);
        if (kept != null) {
            try {
                return reader.apply((ReadOnlyKeyValueStore<String, V>) kept);
            } catch (InvalidStateStoreException e) {
                // stopped, replaced or rebalancing: look again, through the binder's retries
                handles.remove(storeName, kept);
            }
        }
        try {
            return reader.apply(this.<V>store(storeName));
        } catch (InvalidStateStoreException e) {
            handles.remove(storeName);
            throw new StoreUnavailableException(storeName, e);
        }
    }

    /** True when the store can be read now. */
    public boolean isQueryable(String storeName) {
        try {
            read(storeName, store -> store.approximateNumEntries());
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }
}
