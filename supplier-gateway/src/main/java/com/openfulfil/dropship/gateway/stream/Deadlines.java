package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines still to check (store {@value #STORE}), keyed {@code <due epoch ms, 13 digits>|<deadline>|
 * <dispatchId>|<orderId>} so that the store, sorted by key, is sorted by due time and a check reads only
 * what is due. The store is persistent with a changelog, so deadlines survive a restart; an entry is
 * removed in the same transaction that reports it, so each fires once.
 */
final class Deadlines {
    static final String STORE = "dispatch-deadlines";

    record Due(String key, Instant due, SlaDeadline deadline, String dispatchId, String orderId) {
    }

    private final KeyValueStore<String, String> store;

    Deadlines(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Both deadlines of a dispatch just sent, counted from when it was sent. */
    void watch(DispatchSent sent, SlaTerms terms) {
        put(sent.occurredAt().plus(terms.acceptWithin()), SlaDeadline.ACCEPT, sent);
        put(sent.occurredAt().plus(terms.shipWithin()), SlaDeadline.SHIP, sent);
    }

    /** Everything due at {@code now} or before, oldest first. */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range("", String.format("%013d|~", now.toEpochMilli()))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                String[] parts = entry.key.split("\\|", 4);
                due.add(new Due(entry.key, Instant.ofEpochMilli(Long.parseLong(parts[0])),
                        SlaDeadline.valueOf(parts[1]), parts[2], parts[3]));
            }
        }
        return due;
    }

    void done(Due due) {
        store.delete(due.key());
    }

    private void put(Instant due, SlaDeadline deadline, DispatchSent sent) {
        store.put(String.format("%013d|%s|%s|%s", due.toEpochMilli(), deadline, sent.dispatchId(), sent.orderId()),
                sent.supplierId());
    }
}
