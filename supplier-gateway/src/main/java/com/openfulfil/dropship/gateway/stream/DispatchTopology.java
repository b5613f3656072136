package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.support.streams.Locality;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.util.List;
import java.util.function.Function;

/**
 * The gateway's one topology: allocations, the orders' lifecycle, operators' commands and supplier
 * updates meet per order in one processor, which also keeps the books of the suppliers whose key its
 * task owns (every supplier, on one partition). News of a supplier another task keeps goes there
 * through {@code fulfilment.by-supplier}, which this stream both writes and reads.
 */
public final class DispatchTopology {
    public static final String STORE = "dispatches";
    /** Addresses changed before the order's stock was reserved, until its dispatches are built. */
    public static final String ADDRESSES = "dispatch-addresses";
    /** The order-keyed inputs (binding {@code dispatch-in-0}); supplier updates come by pattern on {@code dispatch-in-1}. */
    public static final List<String> INPUTS = List.of(Topics.ORDER_ALLOCATIONS.name(), Topics.ORDERS_LIFECYCLE.name(),
            Topics.FULFILMENT_COMMANDS.name(), Topics.FULFILMENT_BY_SUPPLIER.name());
    /** The sink of what the processor writes for the pipeline (fulfilment.events, dispatch topics, registrations). */
    static final String EVENTS_SINK = "gateway-events";
    /** The sink of news for another task's suppliers' books. */
    static final String BOOKS_SINK = "gateway-books";

    private DispatchTopology() {
    }

    public static void build(KStream<String, Event> orders, KStream<String, Event> supplierUpdates,
                             DispatchSettings settings) {
        build(orders, supplierUpdates, settings, context -> Locality.everything());
    }

    /** Both inputs are keyed by orderId and co-partitioned, so merging keeps an order in one task. */
    public static void build(KStream<String, Event> orders, KStream<String, Event> supplierUpdates,
                             DispatchSettings settings, Function<ProcessorContext<?, ?>, Locality> localities) {
        KStream<String, Event> out = orders.merge(supplierUpdates)
                .filter((key, event) -> event != null)
                .process(new DispatchProcessor.Supplier(settings, localities), Named.as("dispatch-processor"));
        // dispatch instructions to the supplier's own topic, registrations to tracking, the rest is normalised news
        out.to(DispatchTopology::route, Produced.as(EVENTS_SINK));
        out.to(Topics.FULFILMENT_BY_SUPPLIER.name(), Produced.as(BOOKS_SINK));
    }

    static String route(String key, Event event, RecordContext context) {
        if (event instanceof DispatchMessage message) {
            return Topics.supplierDispatch(message.supplierId()).name();
        }
        if (event instanceof ParcelRegistered) {
            return Topics.TRACKING_REGISTRATIONS.name();
        }
        return Topics.FULFILMENT_EVENTS.name();
    }
}
