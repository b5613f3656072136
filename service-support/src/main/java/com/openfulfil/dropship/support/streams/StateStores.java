package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The stores the services keep: persistent (RocksDB, backed by a changelog), keyed by string, values
 * in the binary format, and cached, so a key written several times between two commits costs one
 * RocksDB write and one changelog record.
 */
public final class StateStores {
    private StateStores() {
    }

    /** A store of {@code type} values by string key. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.binary(type))
                .withCachingEnabled();
    }

    /** A store of strings by string key: an index whose keys sort the way it is scanned (due times, prefixes). */
    public static StoreBuilder<KeyValueStore<String, String>> index(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }

    /**
     * A timer index ({@link DueIndex}): strings by keys that begin with a due time, its writes merged per commit
     * by {@link CommitBufferedStore} rather than Kafka Streams' record cache, whose room the large stores take.
     * Read and written only by its own processor (no interactive queries).
     */
    public static StoreBuilder<KeyValueStore<String, String>> timers(String name) {
        return CommitBufferedStore.over(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String()));
    }
}
