package com.openfulfil.dropship.support.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Timers come out oldest first, only once due, keyed the way the store has always kept them. */
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
        new DueIndex(store, 15).add(Instant.ofEpochMilli(1_765_000_000_000L), "order-1", "order-1");
        new DueIndex(store, 19).add(Instant.ofEpochMilli(-5), "parcel-1", "parcel-1");

        assertThat(store.get("001765000000000|order-1")).isEqualTo("order-1");
        assertThat(store.get("0000000000000000000|parcel-1")).as("before the epoch counts as the epoch")
                .isEqualTo("parcel-1");
    }
}
