package com.openfulfil.dropship.commission.stream;

import com.openfulfil.dropship.commission.domain.Commission;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Partners' commissions, from the stream's own {@code commissions} store and its per-partner index. */
@Component
public class CommissionLedger {
    private final StoreQueries stores;

    CommissionLedger(StoreQueries stores) {
        this.stores = stores;
    }

    public Optional<Commission> forOrder(String orderId) {
        return stores.get(CommissionTopology.COMMISSIONS_STORE, orderId);
    }

    /** Every commission of one partner, in no particular order. */
    public List<Commission> forPartner(String partnerId) {
        List<String> orderIds = stores.<String, List<String>>read(CommissionTopology.BY_PARTNER_STORE,
                store -> values(store, CommissionTopology.byPartnerKey(partnerId, ""),
                        CommissionTopology.byPartnerKey(partnerId, "\uffff")));
        return orderIds.stream().map(this::forOrder).flatMap(Optional::stream).toList();
    }

    /** Every commission of every partner (admin views and payout batches). */
    public List<Commission> all() {
        return stores.<Commission, List<Commission>>read(CommissionTopology.COMMISSIONS_STORE, store -> {
            List<Commission> found = new ArrayList<>();
            try (KeyValueIterator<String, Commission> it = store.all()) {
                it.forEachRemaining(kv -> found.add(kv.value));
            }
            return found;
        });
    }

    private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store, String from, String to) {
        List<V> found = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(from, to)) {
            it.forEachRemaining((KeyValue<String, V> kv) -> found.add(kv.value));
        }
        return found;
    }
}
