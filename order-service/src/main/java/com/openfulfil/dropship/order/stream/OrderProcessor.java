package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.OrderStateMachine;
import com.openfulfil.dropship.order.domain.Outcome;
import com.openfulfil.dropship.order.domain.StatusChange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Applies each of an order's events to its record in the {@code orders} store and publishes the transitions. */
final class OrderProcessor implements Processor<String, Event, String, Event> {
    static final String STORE = "orders";

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, OrderRecord> orders;

    static ProcessorSupplier<String, Event, String, Event> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Event> get() {
                return new OrderProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.of(OrderRecord.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.orders = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        String orderId = Objects.requireNonNull(record.key(), "an order's event must be keyed by its orderId");
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        OrderRecord current = orders.get(orderId);
        Outcome outcome = OrderStateMachine.apply(current, orderId, record.value(), now);
        if (!outcome.record().equals(current)) {
            orders.put(orderId, outcome.record());
        }
        for (StatusChange change : outcome.changes()) {
            OrderStatusChanged changed = new OrderStatusChanged(
                    EventIds.derived(record.value().eventId(), "status", change.to().name()), now, orderId,
                    change.from(), change.to(), change.reason(), outcome.record().details());
            context.forward(new Record<>(orderId, changed, now.toEpochMilli()));
        }
    }
}
