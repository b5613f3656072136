package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.gateway.domain.LedgerEntry;
import com.openfulfil.dropship.gateway.domain.Scorecard;
import com.openfulfil.dropship.gateway.domain.SupplierLedger;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Set;

/**
 * The suppliers' side of the gateway's news, keyed by supplierId: each dispatch's entry in
 * {@value #LEDGER} (key {@code <supplierId>|<dispatchId>}, so one supplier's entries are one range)
 * and the supplier's running scorecard in {@value #SCORECARDS}. Both change in the same transaction.
 */
public final class LedgerProcessor implements Processor<String, Event, Void, Void> {
    public static final String LEDGER = "supplier-ledger";
    public static final String SCORECARDS = "supplier-scorecards";

    private final DispatchSettings settings;
    private KeyValueStore<String, LedgerEntry> ledger;
    private KeyValueStore<String, Scorecard> scorecards;

    private LedgerProcessor(DispatchSettings settings) {
        this.settings = settings;
    }

    /** The range of {@value #LEDGER} that holds one supplier's dispatches. */
    public static String firstKey(String supplierId) {
        return supplierId + "|";
    }

    public static String lastKey(String supplierId) {
        return supplierId + "|\uffff";
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        ledger = context.getStateStore(LEDGER);
        scorecards = context.getStateStore(SCORECARDS);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (!(record.value() instanceof FulfilmentEvent event)) {
            return;
        }
        String key = firstKey(event.supplierId()) + event.dispatchId();
        SupplierLedger.record(ledger.get(key), event, settings.sla(event.supplierId())).ifPresent(change -> {
            ledger.put(key, change.entry());
            Scorecard card = scorecards.get(event.supplierId());
            scorecards.put(event.supplierId(), change.applyTo(card == null ? Scorecard.empty(event.supplierId()) : card));
        });
    }

    static final class Supplier implements ProcessorSupplier<String, Event, Void, Void> {
        private final DispatchSettings settings;

        Supplier(DispatchSettings settings) {
            this.settings = settings;
        }

        @Override
        public Processor<String, Event, Void, Void> get() {
            return new LedgerProcessor(settings);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.keyValue(LEDGER, LedgerEntry.class),
                    StateStores.keyValue(SCORECARDS, Scorecard.class));
        }
    }
}
