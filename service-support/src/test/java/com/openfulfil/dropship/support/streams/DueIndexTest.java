package com.openfulfil.dropship.support.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Timers come out oldest first, only once due, several to an entry of the store when they fall due together. */
class DueIndexTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private KeyValueStore<String, String> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("due"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void onlyWhatIsDueComesOutOldestFirstAndARemovedTimerNeverFires() {
        DueIndex index = new DueIndex(store, 13);
        index.add(T0.plusSeconds(30), "late", "c");
        index.add(T0.plusSeconds(10), "early", "a");
        index.add(T0.plusSeconds(20), "middle|with|parts", "b");
        index.add(T0.plusSeconds(15), "cancelled", "x");
        index.remove(T0.plusSeconds(15), "cancelled");

        assertThat(index.due(T0)).isEmpty();
        assertThat(index.due(T0.plusSeconds(20))).extracting(DueIndex.Due::id, DueIndex.Due::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("early", "a"),
                        org.assertj.core.groups.Tuple.tuple("middle|with|parts", "b"));

        DueIndex.Due early = index.due(T0.plusSeconds(20)).get(0);
        assertThat(early.due()).isEqualTo(T0.plusSeconds(10));
        index.remove(early);
        assertThat(index.due(T0.plusSeconds(60))).extracting(DueIndex.Due::id).containsExactly("middle|with|parts", "late");
    }

    @Test
    void keysKeepTheWidthTheStoreWasWrittenWith() {
        new DueIndex(store, 15).add(Instant.ofEpochMilli(1_765_000_000_042L), "order-1", "order-1");
        new DueIndex(store, 19).add(Instant.ofEpochMilli(-5), "parcel-1", "parcel-1");

        assertThat(keys()).containsExactly("0000000000000000000|", "001765000000000|");
        assertThat(new DueIndex(store, 19).due(Instant.EPOCH)).extracting(DueIndex.Due::id, DueIndex.Due::due)
                .as("before the epoch counts as the epoch")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("parcel-1", Instant.EPOCH));
    }

    @Test
    void timersDueCloseTogetherShareOneEntryOfTheStore() {
        DueIndex index = new DueIndex(store, 13);
        for (int i = 0; i < 40; i++) {
            index.add(T0.plusMillis(i), "order-" + i, "order-" + i);
        }
        index.add(T0.plusMillis(DueIndex.SLOT_MS), "next-slot", "n");

        assertThat(keys()).hasSize(2);
        assertThat(index.due(T0.plusMillis(19))).hasSize(20)
                .extracting(DueIndex.Due::id).startsWith("order-0", "order-1").endsWith("order-19");
    }

    @Test
    void idsAndValuesMayHoldAnyCharacter() {
        DueIndex index = new DueIndex(store, 13);
        index.add(T0, "12 34 |x", "a value with spaces 7 8 9");
        index.add(T0.plusMillis(1), "", "");
        index.add(T0.plusMillis(2), "Đơn hàng", "đã giao");

        assertThat(index.due(T0.plusMillis(2))).extracting(DueIndex.Due::id, DueIndex.Due::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("12 34 |x", "a value with spaces 7 8 9"),
                org.assertj.core.groups.Tuple.tuple("", ""),
                org.assertj.core.groups.Tuple.tuple("Đơn hàng", "đã giao"));
    }

    @Test
    void removingEveryTimerOfASlotDeletesItAndRemovingSomeKeepsTheRest() {
        DueIndex index = new DueIndex(store, 13);
        index.add(T0, "a", "a");
        index.add(T0.plusMillis(1), "b", "b");
        index.add(T0.plusMillis(2), "c", "c");

        index.removeAll(index.due(T0.plusMillis(1)));
        assertThat(index.due(T0.plusSeconds(1))).extracting(DueIndex.Due::id).containsExactly("c");

        index.remove(T0.plusMillis(2), "c");
        assertThat(keys()).isEmpty();

        index.remove(T0.plusMillis(3), "never-set");
        assertThat(keys()).as("removing a timer that is not there writes nothing").isEmpty();
    }

    @Test
    void timersKeptOnePerKeyStillFireAndCanBeRemoved() {
        // the layout before slots, and the one a full slot falls back to
        store.put(String.format("%013d|%s", T0.toEpochMilli() + 5, "older"), "o");
        DueIndex index = new DueIndex(store, 13);
        index.add(T0, "newer", "n");
        index.add(T0.plusMillis(9), "later", "l");

        List<DueIndex.Due> due = index.due(T0.plusMillis(9));
        assertThat(due).extracting(DueIndex.Due::id).containsExactly("newer", "older", "later");

        index.remove(T0.plusMillis(5), "older");
        assertThat(index.due(T0.plusMillis(9))).extracting(DueIndex.Due::id).containsExactly("newer", "later");
        index.removeAll(index.due(T0.plusMillis(9)));
        assertThat(keys()).isEmpty();
    }

    @Test
    void aFullSlotTakesFurtherTimersOnePerKey() {
        DueIndex index = new DueIndex(store, 13);
        String big = "x".repeat(DueIndex.SLOT_CAPACITY);
        index.add(T0, "big", big);
        index.add(T0.plusMillis(1), "overflow", "v");

        assertThat(keys()).containsExactly(String.format("%013d|", T0.toEpochMilli()),
                String.format("%013d|overflow", T0.toEpochMilli() + 1));
        assertThat(index.due(T0.plusMillis(1))).extracting(DueIndex.Due::id).containsExactly("big", "overflow");
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
