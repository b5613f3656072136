package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

import java.util.Optional;

/** Reads a service's own Kafka Streams state stores (the binder retries while a rebalance is under way). */
public class StoreQueries {
    private final InteractiveQueryService queries;

    public StoreQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return queries.getQueryableStore(name, QueryableStoreTypes.<String, V>keyValueStore());
    }

    public <V> Optional<V> get(String storeName, String key) {
        return Optional.ofNullable(this.<V>store(storeName).get(key));
    }
}
