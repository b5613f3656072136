package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.gateway.domain.LedgerEntry;
import com.openfulfil.dropship.gateway.domain.Scorecard;
import com.openfulfil.dropship.gateway.domain.SupplierLedger;
import com.openfulfil.dropship.support.streams.StateStores;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.List;

/**
 * The suppliers' books, kept by supplierId in the task that owns the supplier's key: each dispatch's
 * entry in {@value #LEDGER} (key {@code <supplierId>|<dispatchId>}, so one supplier's entries are one
 * range) and the supplier's running scorecard in {@value #SCORECARDS}. Both change in the same
 * transaction as the news that changed them.
 */
public final class SupplierBooks {
    public static final String LEDGER = "supplier-ledger";
    public static final String SCORECARDS = "supplier-scorecards";

    private final KeyValueStore<String, LedgerEntry> ledger;
    private final KeyValueStore<String, Scorecard> scorecards;
    private final DispatchSettings settings;

    SupplierBooks(ProcessorContext<?, ?> context, DispatchSettings settings) {
        this.ledger = context.getStateStore(LEDGER);
        this.scorecards = context.getStateStore(SCORECARDS);
        this.settings = settings;
    }

    static List<StoreBuilder<?>> stores() {
        return List.of(StateStores.keyValue(LEDGER, LedgerEntry.class), StateStores.keyValue(SCORECARDS, Scorecard.class));
    }

    /** The range of {@value #LEDGER} that holds one supplier's dispatches. */
    public static String firstKey(String supplierId) {
        return supplierId + "|";
    }

    public static String lastKey(String supplierId) {
        return supplierId + "|\uffff";
    }

    void record(FulfilmentEvent event) {
        String key = firstKey(event.supplierId()) + event.dispatchId();
        SupplierLedger.record(ledger.get(key), event, settings.sla(event.supplierId())).ifPresent(change -> {
            ledger.put(key, change.entry());
            Scorecard card = scorecards.get(event.supplierId());
            scorecards.put(event.supplierId(), change.applyTo(card == null ? Scorecard.empty(event.supplierId()) : card));
        });
    }
}
