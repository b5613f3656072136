package com.openfulfil.dropship.supplierportal.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.SupplierMessage;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Keeps the portal's view of each dispatch of the suppliers it serves: the instruction from the
 * supplier's dispatch topic, then what supplier-gateway records on {@code fulfilment.events}.
 * Other suppliers' messages pass by unstored (their customers' addresses are none of the portal's business).
 */
public class PortalWatcher implements Processor<String, Event, Void, Void> {
    private final Predicate<String> serves;
    private final Consumer<String> changed;
    private KeyValueStore<String, PortalDispatch> dispatches;

    PortalWatcher(Predicate<String> serves, Consumer<String> changed) {
        this.serves = serves;
        this.changed = changed;
    }

    public static ProcessorSupplier<String, Event, Void, Void> supplier(Predicate<String> serves,
                                                                       Consumer<String> changed) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, Void, Void> get() {
                return new PortalWatcher(serves, changed);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PortalStores.DISPATCHES),
                        Serdes.String(), JsonSerde.binary(PortalDispatch.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        dispatches = context.getStateStore(PortalStores.DISPATCHES);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (!(record.value() instanceof SupplierMessage message) || !serves.test(message.supplierId())) {
            return;
        }
        if (message instanceof DispatchRequested requested) {
            update(message, d -> d.withRequest(requested));
        } else if (message instanceof CancellationRequested cancellation) {
            update(message, d -> d.withCancellationRequest(cancellation));
        } else if (message instanceof FulfilmentEvent event) {
            update(message, d -> d.on(event));
        }
        // the supplier's own updates are seen through the gateway's reaction on fulfilment.events
    }

    /** A dispatch is known from its instruction or from the gateway's DispatchSent, whichever is read first. */
    private void update(SupplierMessage message, UnaryOperator<PortalDispatch> change) {
        String key = PortalDispatch.key(message.supplierId(), message.dispatchId());
        PortalDispatch before = dispatches.get(key);
        if (before == null && !(message instanceof DispatchRequested || message instanceof DispatchSent)) {
            return;
        }
        PortalDispatch current = before != null ? before : PortalDispatch.sent(message.supplierId(),
                message.dispatchId(), message.orderId(), message.occurredAt());
        PortalDispatch after = change.apply(current);
        if (!after.equals(before)) {
            dispatches.put(key, after);
            changed.accept(key);
        }
    }
}
