package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Timers that survive a restart: an index store (see {@link StateStores#index}) whose keys begin with
 * the due time, zero-padded epoch milliseconds, so the store's byte order is time order and a check
 * reads only what is due. An entry is removed in the same transaction that acts on it, so a timer
 * fires once. Each store keeps the width it was first written with (a stored key is never rewritten).
 */
public final class DueIndex {
    /** One timer: when it falls due, what it is about ({@code id}, unique per due time), and its value. */
    public record Due(String key, Instant due, String id, String value) {
    }

    private final KeyValueStore<String, String> store;
    private final String format;
    private final int digits;

    /** @param digits how many digits the due time is padded to in this store's keys */
    public DueIndex(KeyValueStore<String, String> store, int digits) {
        this.store = store;
        this.digits = digits;
        this.format = "%0" + digits + "d|%s";
    }

    /** Sets a timer for {@code id} at {@code due}; before the epoch counts as the epoch. */
    public void add(Instant due, String id, String value) {
        store.put(key(due, id), value);
    }

    public void remove(Instant due, String id) {
        store.delete(key(due, id));
    }

    public void remove(Due due) {
        store.delete(due.key());
    }

    /** Every timer due at {@code now} or before, oldest first. */
    public List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range("", key(now, "\uffff"))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                due.add(new Due(entry.key, Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, digits))),
                        entry.key.substring(digits + 1), entry.value));
            }
        }
        return due;
    }

    String key(Instant due, String id) {
        return String.format(format, Math.max(0, due.toEpochMilli()), id);
    }
}
