package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.domain.LedgerEntry;
import com.openfulfil.dropship.gateway.domain.Scorecard;
import com.openfulfil.dropship.gateway.stream.SupplierBooks;
import com.openfulfil.dropship.support.streams.StoreQueries;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads a supplier's scorecard and ledger from the gateway's own state stores. */
@Component
public class SupplierFigures {
    private final StoreQueries stores;

    SupplierFigures(StoreQueries stores) {
        this.stores = stores;
    }

    public Scorecard scorecard(String supplierId) {
        return stores.<Scorecard>get(SupplierBooks.SCORECARDS, supplierId)
                .orElseGet(() -> Scorecard.empty(supplierId));
    }

    List<LedgerEntry> ledger(String supplierId) {
        return stores.<LedgerEntry, List<LedgerEntry>>read(SupplierBooks.LEDGER, store -> {
            List<LedgerEntry> entries = new ArrayList<>();
            try (KeyValueIterator<String, LedgerEntry> range = store.range(SupplierBooks.firstKey(supplierId),
                    SupplierBooks.lastKey(supplierId))) {
                range.forEachRemaining(kv -> entries.add(kv.value));
            }
            return entries;
        });
    }
}
