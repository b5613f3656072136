package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.events.order.OrderPlaced;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of store the services keep writes a changelog whose segments close after a minute, so the
 * broker compacts it and a restore after a crash replays about one record per key, not every update.
 */
class StateStoresTest {

    @Test
    void everyKindOfStoreHasACompactedChangelogWhoseSegmentsClose() {
        List<StoreBuilder<?>> stores = List.of(StateStores.keyValue("orders", OrderPlaced.class),
                StateStores.index("orders-by-customer"), StateStores.timers("completions-due"));
        for (StoreBuilder<?> store : stores) {
            assertThat(store.loggingEnabled()).as(store.name()).isTrue();
            assertThat(store.logConfig()).as(store.name()).containsEntry("segment.ms", "60000");
        }
    }
}
