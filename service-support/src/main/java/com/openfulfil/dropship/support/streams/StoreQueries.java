package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a service's own Kafka Streams state stores. While the stream is starting or
 * rebalancing a store cannot be read; that surfaces as {@link StoreUnavailableException} (503).
 */
public class StoreQueries {
    private final InteractiveQueryService queries;

    public StoreQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
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
    public <V, T> T read(String storeName, Function<ReadOnlyKeyValueStore<String, V>, T> reader) {
        try {
            return reader.apply(this.<V>store(storeName));
        } catch (InvalidStateStoreException e) {
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
