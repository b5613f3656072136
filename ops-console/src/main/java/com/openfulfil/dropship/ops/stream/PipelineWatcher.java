package com.openfulfil.dropship.ops.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAlert;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import com.openfulfil.dropship.ops.domain.StockLevel;
import com.openfulfil.dropship.ops.domain.SupplierTally;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;

/**
 * Keeps the console's view of the pipeline from the events the services publish: each order's
 * status and history with the funnel counts, products low on stock, and suppliers' tallies.
 */
public class PipelineWatcher implements Processor<String, Event, Void, Void> {
    private KeyValueStore<String, OrderTrack> orders;
    private KeyValueStore<String, Long> funnel;
    private KeyValueStore<String, StockLevel> stock;
    private KeyValueStore<String, SupplierTally> suppliers;

    public static ProcessorSupplier<String, Event, Void, Void> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, Void, Void> get() {
                return new PipelineWatcher();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConsoleStores.ORDERS),
                                Serdes.String(), JsonSerde.binary(OrderTrack.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConsoleStores.FUNNEL),
                                Serdes.String(), Serdes.Long()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConsoleStores.STOCK),
                                Serdes.String(), JsonSerde.binary(StockLevel.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConsoleStores.SUPPLIERS),
                                Serdes.String(), JsonSerde.binary(SupplierTally.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        orders = context.getStateStore(ConsoleStores.ORDERS);
        funnel = context.getStateStore(ConsoleStores.FUNNEL);
        stock = context.getStateStore(ConsoleStores.STOCK);
        suppliers = context.getStateStore(ConsoleStores.SUPPLIERS);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        if (event instanceof OrderStatusChanged change) {
            track(change);
        } else if (event instanceof StockAlert alert) {
            StockLevel.of(alert).ifPresentOrElse(level -> stock.put(alert.sku(), level), () -> stock.delete(alert.sku()));
        } else if (event instanceof FulfilmentEvent fulfilment) {
            SupplierTally tally = suppliers.get(fulfilment.supplierId());
            suppliers.put(fulfilment.supplierId(),
                    (tally == null ? SupplierTally.none(fulfilment.supplierId()) : tally).with(fulfilment));
        }
        // other events on these topics say nothing the console shows
    }

    /** The order moves from one funnel stage to the next; a repeated event moves nothing. */
    private void track(OrderStatusChanged change) {
        OrderTrack before = orders.get(change.orderId());
        if (before != null && before.hasSeen(change.eventId())) {
            return;
        }
        OrderTrack after = before == null ? OrderTrack.first(change) : before.after(change);
        orders.put(change.orderId(), after);
        if (before != null) {
            add(before.status().name(), -1);
        }
        add(after.status().name(), 1);
    }

    private void add(String status, long delta) {
        Long count = funnel.get(status);
        funnel.put(status, (count == null ? 0 : count) + delta);
    }
}
