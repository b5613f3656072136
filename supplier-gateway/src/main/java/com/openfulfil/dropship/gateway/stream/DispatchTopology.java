package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.RecordContext;

/** The gateway's one topology: allocations and supplier updates meet per order in one processor. */
public final class DispatchTopology {
    public static final String STORE = "dispatches";
    /** The repartition topic is {@code supplier-gateway-fulfilment-by-supplier-repartition}. */
    static final String BY_SUPPLIER = "fulfilment-by-supplier";

    private DispatchTopology() {
    }

    /** Both inputs are keyed by orderId and co-partitioned, so merging keeps an order in one task. */
    public static void build(KStream<String, Event> allocations, KStream<String, Event> supplierUpdates,
                             DispatchSettings settings) {
        KStream<String, Event> out = allocations.merge(supplierUpdates)
                .process(new DispatchProcessor.Supplier(settings));
        // dispatch instructions go to the supplier's own topic, everything else is normalised news
        out.to(DispatchTopology::route);
        // the same news by supplier, so each supplier's ledger and scorecard live in one task
        out.filter((orderId, event) -> event instanceof FulfilmentEvent)
                .selectKey((orderId, event) -> ((FulfilmentEvent) event).supplierId())
                .repartition(Repartitioned.as(BY_SUPPLIER))
                .process(new LedgerProcessor.Supplier(settings));
    }

    static String route(String key, Event event, RecordContext context) {
        if (event instanceof DispatchMessage message) {
            return Topics.supplierDispatch(message.supplierId()).name();
        }
        return Topics.FULFILMENT_EVENTS.name();
    }
}
