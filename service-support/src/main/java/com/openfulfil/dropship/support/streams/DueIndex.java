package com.openfulfil.dropship.support.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timers that survive a restart, kept in a timer store (see {@link StateStores#timers}) whose keys begin
 * with a due time, zero-padded epoch milliseconds, so the store's byte order is time order and a check
 * reads only what is due. A timer is removed in the same transaction that acts on it, so it fires once.
 *
 * <p>Timers falling due within the same {@value #SLOT_MS} ms share one entry, keyed by the slot's start
 * ({@code <time>|}): a service sets a timer for most of the orders or parcels it handles, mostly a fixed
 * wait after now, so the timers set between two commits land in one or two slots, and the store writes a
 * changelog record per slot and commit instead of one per timer. A slot that has grown past
 * {@value #SLOT_CAPACITY} characters takes further timers one per key ({@code <due>|<id>}), the layout
 * every timer had before slots; both are read, so timers set by an older version still fire. Each store
 * keeps the width it was first written with (a stored key is never rewritten).
 */
public final class DueIndex {
    /** One timer: when it falls due, what it is about ({@code id}, unique per due time), and its value. */
    public record Due(String key, Instant due, String id, String value) {
    }

    /** The width of a slot: about one commit's worth of timers set a fixed wait ahead. */
    static final long SLOT_MS = 100;
    /** How long a slot's value may grow (characters) before further timers in it get keys of their own. */
    static final int SLOT_CAPACITY = 256 * 1024;

    private static final Comparator<Due> OLDEST_FIRST = Comparator.comparing(Due::due).thenComparing(Due::id);

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
        long at = epochMs(due);
        String slot = slotKey(at);
        String timers = store.get(slot);
        if (timers != null && timers.length() > SLOT_CAPACITY) {
            store.put(key(due, id), value);
            return;
        }
        // appended: a slot is decoded only when it is read or a timer leaves it; the later of two equal timers wins
        store.put(slot, (timers == null ? "" : timers) + Slot.encode(at, id, value));
    }

    public void remove(Instant due, String id) {
        long at = epochMs(due);
        if (!removeFromSlot(slotKey(at), List.of(new Timer(at, id)))) {
            String own = key(due, id);
            if (store.get(own) != null) {
                store.delete(own);
            }
        }
    }

    public void remove(Due due) {
        removeAll(List.of(due));
    }

    /** Removes timers {@link #due} returned, each slot rewritten once however many of its timers leave it. */
    public void removeAll(Collection<Due> dues) {
        Map<String, List<Timer>> bySlot = new LinkedHashMap<>();
        for (Due due : dues) {
            if (isSlot(due.key())) {
                bySlot.computeIfAbsent(due.key(), k -> new ArrayList<>()).add(new Timer(due.due().toEpochMilli(), due.id()));
            } else {
                store.delete(due.key());
            }
        }
        bySlot.forEach(this::removeFromSlot);
    }

    /** Every timer due at {@code now} or before, oldest first. */
    public List<Due> due(Instant now) {
        long until = epochMs(now);
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range("", key(now, "\uffff"))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                if (isSlot(entry.key)) {
                    Slot.decode(entry.value).forEach((timer, value) -> {
                        if (timer.at() <= until) {
                            due.add(new Due(entry.key, Instant.ofEpochMilli(timer.at()), timer.id(), value));
                        }
                    });
                } else {
                    due.add(new Due(entry.key, Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, digits))),
                            entry.key.substring(digits + 1), entry.value));
                }
            }
        }
        due.sort(OLDEST_FIRST);
        return due;
    }

    String key(Instant due, String id) {
        return String.format(format, epochMs(due), id);
    }

    private String slotKey(long at) {
        return String.format(format, at - at % SLOT_MS, "");
    }

    private static boolean isSlot(String key) {
        return key.endsWith("|");
    }

    private static long epochMs(Instant instant) {
        return Math.max(0, instant.toEpochMilli());
    }

    /** True when the slot held any of {@code timers}; the slot is rewritten without them, or deleted if empty. */
    private boolean removeFromSlot(String slot, List<Timer> timers) {
        String value = store.get(slot);
        if (value == null) {
            return false;
        }
        Map<Timer, String> kept = Slot.decode(value);
        boolean removed = false;
        for (Timer timer : timers) {
            removed |= kept.remove(timer) != null;
        }
        if (!removed) {
            return false;
        }
        if (kept.isEmpty()) {
            store.delete(slot);
        } else {
            StringBuilder rest = new StringBuilder(value.length());
            kept.forEach((timer, v) -> rest.append(Slot.encode(timer.at(), timer.id(), v)));
            store.put(slot, rest.toString());
        }
        return true;
    }

    private record Timer(long at, String id) {
    }

    /**
     * A slot's timers, one after another, each {@code <due ms> <id length> <value length> <id><value>}: lengths
     * rather than separators, so ids and values may hold any character.
     */
    private static final class Slot {
        private Slot() {
        }

        static String encode(long at, String id, String value) {
            return at + " " + id.length() + " " + value.length() + " " + id + value;
        }

        /** The slot's timers in the order they were set; a timer set twice keeps its later value. */
        static Map<Timer, String> decode(String slot) {
            Map<Timer, String> timers = new LinkedHashMap<>();
            int i = 0;
            while (i < slot.length()) {
                int a = slot.indexOf(' ', i);
                int b = slot.indexOf(' ', a + 1);
                int c = slot.indexOf(' ', b + 1);
                if (a < 0 || b < 0 || c < 0) {
                    throw new IllegalStateException("A timer slot is damaged at character " + i);
                }
                long at = Long.parseLong(slot, i, a, 10);
                int idLength = Integer.parseInt(slot, a + 1, b, 10);
                int valueLength = Integer.parseInt(slot, b + 1, c, 10);
                int idEnd = c + 1 + idLength;
                int valueEnd = idEnd + valueLength;
                timers.put(new Timer(at, slot.substring(c + 1, idEnd)), slot.substring(idEnd, valueEnd));
                i = valueEnd;
            }
            return timers;
        }
    }
}
