package com.openfulfil.dropship.support.streams;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store layer that keeps one commit interval's writes in memory and hands them to the store below
 * (and so to its changelog) when Kafka Streams flushes its caches before it commits: however often a key
 * is written between two commits, the changelog gets one record for it, and none when it was created and
 * removed in between.
 *
 * <p>Kafka Streams' own record cache merges writes the same way, but it is shared by all the stores of a
 * stream thread (10 MB) and, once full, makes room in the store being written to. Next to large stores
 * (orders, dispatches, parcels) that fill it after a few thousand orders, a small store whose few keys are
 * written all the time, a timer index, then evicts its own fresh entries on every put and writes each one
 * to its changelog. This layer has no size limit but one commit interval's writes, and the store below it
 * has Kafka Streams' cache turned off, so such a store keeps its merging however large the others grow.
 *
 * <p>Kafka Streams calls the hook this relies on ({@code flushCache}, on every store registered with a
 * task, before the task's offsets and changelog records are committed together) through an interface of
 * its internals that its own layers implement; {@link WrappedStateStore} is the base they share. A write
 * therefore reaches the changelog in the same transaction as the input that caused it, as with the
 * record cache. Writes not yet handed down are dropped when the task is closed without a commit, as the
 * record cache drops them.
 *
 * <p>The store is meant for its own processor only: it is not thread-safe, and range reads first hand
 * the buffered writes down (the store below is byte-ordered; a merged view is not worth it for a store
 * scanned once per check). Only the thread that writes the store hands writes down; a read from any other
 * thread sees the store below alone. Interactive queries would read past the buffer, so stores others
 * query keep the record cache.
 */
public final class CommitBufferedStore<K, V> extends WrappedStateStore<KeyValueStore<K, V>, K, V>
        implements KeyValueStore<K, V> {
    /** Buffered writes by key; a null value is a removal. */
    private final Map<K, V> writes = new HashMap<>();
    /** The stream thread that writes the store: the only one whose reads or flushes hand writes down. */
    private volatile Thread writer;

    CommitBufferedStore(KeyValueStore<K, V> below) {
        super(below);
    }

    /** A builder of {@code below}'s store, Kafka Streams' record cache off, with this layer on top. */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> over(StoreBuilder<KeyValueStore<K, V>> below) {
        return new Builder<>(below.withCachingDisabled());
    }

    @Override
    public V get(K key) {
        if (Thread.currentThread() != writer) {
            return wrapped().get(key);
        }
        return writes.containsKey(key) ? writes.get(key) : wrapped().get(key);
    }

    @Override
    public void put(K key, V value) {
        if (value == null) {
            delete(key);
        } else {
            writer = Thread.currentThread();
            writes.put(key, value);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        writer = Thread.currentThread();
        V below = wrapped().get(key);
        V old = writes.containsKey(key) ? writes.get(key) : below;
        if (below == null) {
            writes.remove(key); // created since the last commit: nothing below to remove
        } else {
            writes.put(key, null);
        }
        return old;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        handDownBeforeRead();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        handDownBeforeRead();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        handDownBeforeRead();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        handDownBeforeRead();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        handDownBeforeRead();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        handDownBeforeRead();
        return wrapped().approximateNumEntries();
    }

    /** Before a commit: the interval's writes go down, one per key. */
    @Override
    public void flushCache() {
        handDown();
        super.flushCache();
    }

    @Override
    public void flush() {
        handDown();
        super.flush();
    }

    @Override
    public void clearCache() {
        writes.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        writes.clear();
        super.close();
    }

    /** How many keys wait for the next commit. */
    int buffered() {
        return writes.size();
    }

    /** A scan from the writing thread sees its writes; one from another thread reads the store below alone. */
    private void handDownBeforeRead() {
        if (Thread.currentThread() == writer) {
            handDown();
        }
    }

    private void handDown() {
        if (writes.isEmpty()) {
            return;
        }
        KeyValueStore<K, V> below = wrapped();
        writes.forEach(below::put);
        writes.clear();
    }

    private record Builder<K, V>(StoreBuilder<KeyValueStore<K, V>> below) implements StoreBuilder<KeyValueStore<K, V>> {
        /** This layer is the store's cache; Kafka Streams' stays off below it. */
        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(below.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
            return new Builder<>(below.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<K, V> build() {
            return new CommitBufferedStore<>(below.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return below.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return below.loggingEnabled();
        }

        @Override
        public String name() {
            return below.name();
        }
    }
}
