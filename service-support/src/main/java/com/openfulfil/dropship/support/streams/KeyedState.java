package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The plumbing every keyed processor repeats around its domain call: load the key's state (or what a
 * key never seen stands for), and store the state the domain returned only when it changed, so a
 * replayed or ignored event costs no store write and no changelog record.
 */
public final class KeyedState<V> {
    private final KeyValueStore<String, V> store;

    public KeyedState(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** The state of the store {@code name} of the processor's task. */
    public static <V> KeyedState<V> of(ProcessorContext<?, ?> context, String name) {
        return new KeyedState<>(context.getStateStore(name));
    }

    /** The key's state, or null when the key was never stored. */
    public V get(String key) {
        return store.get(key);
    }

    /** The key's state, or {@code unknown}'s for a key never stored. */
    public V getOr(String key, Function<String, V> unknown) {
        V current = store.get(key);
        return current != null ? current : unknown.apply(key);
    }

    /** Stores {@code after} unless it equals {@code before}; true when it was stored. */
    public boolean save(String key, V before, V after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        store.put(key, after);
        return true;
    }

    public void put(String key, V value) {
        store.put(key, value);
    }

    /** The processor's wall-clock time, which the tests move. */
    public static Instant now(ProcessorContext<?, ?> context) {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
