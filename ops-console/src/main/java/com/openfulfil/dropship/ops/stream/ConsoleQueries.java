package com.openfulfil.dropship.ops.stream;

import com.openfulfil.dropship.ops.domain.Deadlines;
import com.openfulfil.dropship.ops.domain.Funnel;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import com.openfulfil.dropship.ops.domain.StockLevel;
import com.openfulfil.dropship.ops.domain.SupplierTally;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads the console's stores for the pages; a store still restoring surfaces as a 503. */
@Component
public class ConsoleQueries {
    /** Stuck orders shown at most, the oldest ones. */
    static final int STUCK_LIMIT = 200;

    private final StoreQueries stores;
    private final Deadlines deadlines;
    private final Clock clock;

    public ConsoleQueries(StoreQueries stores, Deadlines deadlines, Clock clock) {
        this.stores = stores;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Funnel funnel() {
        List<Map.Entry<String, Long>> counts = stores.<Long, List<Map.Entry<String, Long>>>read(ConsoleStores.FUNNEL,
                store -> all(store).stream().map(kv -> Map.entry(kv.key, kv.value)).toList());
        return Funnel.of(counts);
    }

    /** Products out of stock first, then low on stock, each by sku. */
    public List<StockLevel> stock() {
        List<StockLevel> levels = new ArrayList<>(stores.<StockLevel, List<StockLevel>>read(ConsoleStores.STOCK,
                store -> all(store).stream().map(kv -> kv.value).toList()));
        levels.sort(Comparator.comparing(StockLevel::level).thenComparing(StockLevel::sku));
        return levels;
    }

    public List<SupplierTally> suppliers() {
        return SupplierTally.merged(stores.<SupplierTally, List<SupplierTally>>read(ConsoleStores.SUPPLIERS,
                store -> all(store).stream().map(kv -> kv.value).toList()));
    }

    /** Orders past the deadline of their current status, oldest first. */
    public List<OrderTrack> stuck() {
        Instant now = clock.instant();
        return stores.<OrderTrack, List<OrderTrack>>read(ConsoleStores.ORDERS, store -> {
            List<OrderTrack> overdue = new ArrayList<>();
            try (KeyValueIterator<String, OrderTrack> all = store.all()) {
                all.forEachRemaining(kv -> {
                    if (deadlines.isOverdue(kv.value, now)) {
                        overdue.add(kv.value);
                    }
                });
            }
            return overdue.stream().sorted(Comparator.comparing(OrderTrack::since)).limit(STUCK_LIMIT).toList();
        });
    }

    private static <V> List<KeyValue<String, V>> all(ReadOnlyKeyValueStore<String, V> store) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
