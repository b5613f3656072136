package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.gateway.domain.SlaTerms;
import com.openfulfil.dropship.support.streams.DueIndex;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines still to check (store {@value #STORE}), keyed {@code <due epoch ms, 13 digits>|<deadline>|
 * <dispatchId>|<orderId>} so that the store, sorted by key, is sorted by due time and a check reads only
 * what is due (deadlines falling due close together share one entry, see {@link DueIndex}). The store is
 * persistent with a changelog, so deadlines survive a restart; an entry is removed in the same transaction
 * that reports it, so each fires once. A dispatch's earlier deadline is
 * indexed when it is sent, its later one only when the earlier has passed and the later still matters:
 * most dispatches meet both, and cost the index one entry.
 */
final class Deadlines {
    static final String STORE = "dispatch-deadlines";

    record Due(DueIndex.Due entry, Instant due, SlaDeadline deadline, String dispatchId, String orderId) {
    }

    /** The width the due times are padded to (as stored since the index was made). */
    private static final int DIGITS = 13;

    private final DueIndex index;

    Deadlines(KeyValueStore<String, String> store) {
        this.index = new DueIndex(store, DIGITS);
    }

    /** The earlier deadline of a dispatch just sent, counted from when it was sent. */
    void watch(DispatchSent sent, SlaTerms terms) {
        SlaDeadline first = first(terms);
        put(sent.occurredAt().plus(within(first, terms)), first, sent.dispatchId(), sent.orderId(), sent.supplierId());
    }

    /** After a dispatch's earlier deadline passed: its later one, counted from {@code sentAt}, if it still matters. */
    void followUp(Due fired, String supplierId, Instant sentAt, SlaTerms terms, boolean stillMatters) {
        if (fired.deadline() == first(terms) && stillMatters) {
            SlaDeadline later = fired.deadline() == SlaDeadline.ACCEPT ? SlaDeadline.SHIP : SlaDeadline.ACCEPT;
            put(sentAt.plus(within(later, terms)), later, fired.dispatchId(), fired.orderId(), supplierId);
        }
    }

    private static SlaDeadline first(SlaTerms terms) {
        return terms.shipWithin().compareTo(terms.acceptWithin()) < 0 ? SlaDeadline.SHIP : SlaDeadline.ACCEPT;
    }

    private static java.time.Duration within(SlaDeadline deadline, SlaTerms terms) {
        return deadline == SlaDeadline.ACCEPT ? terms.acceptWithin() : terms.shipWithin();
    }

    /** Everything due at {@code now} or before, oldest first. */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        for (DueIndex.Due entry : index.due(now)) {
            String[] parts = entry.id().split("\\|", 3);
            due.add(new Due(entry, entry.due(), SlaDeadline.valueOf(parts[0]), parts[1], parts[2]));
        }
        return due;
    }

    /** Forgets deadlines once checked, in the transaction that reported them. */
    void done(List<Due> dues) {
        index.removeAll(dues.stream().map(Due::entry).toList());
    }

    private void put(Instant due, SlaDeadline deadline, String dispatchId, String orderId, String supplierId) {
        index.add(due, deadline + "|" + dispatchId + "|" + orderId, supplierId);
    }
}
