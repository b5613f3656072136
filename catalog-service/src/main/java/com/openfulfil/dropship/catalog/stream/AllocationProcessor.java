package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.AllocationAction;
import com.openfulfil.dropship.catalog.domain.AllocationStep;
import com.openfulfil.dropship.catalog.domain.OrderAllocation;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ConsumeRequested;
import com.openfulfil.dropship.events.catalog.LineReserved;
import com.openfulfil.dropship.events.catalog.LineUnavailable;
import com.openfulfil.dropship.events.catalog.ReleaseRequested;
import com.openfulfil.dropship.events.catalog.ReservationResult;
import com.openfulfil.dropship.events.catalog.ReserveRequested;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Owns each order's allocation (store {@value #STORE}, keyed by orderId): asks for a reservation
 * per line, collects the answers, decides all-or-nothing, and later consumes what shipped or
 * releases what a cancellation leaves. An order it already has is ignored, so a replayed
 * {@code OrderPlaced} reserves nothing twice.
 */
final class AllocationProcessor implements Processor<String, Event, String, Event> {
    static final String STORE = CatalogTopology.ALLOCATIONS_STORE;

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, OrderAllocation> allocations;
    private long timestamp;

    static boolean handles(Event event) {
        return event instanceof OrderPlaced || event instanceof ReservationResult || event instanceof ParcelsShipped
                || event instanceof DispatchRerouted
                || (event instanceof OrderStatusChanged changed && changed.to() == OrderStatus.CANCELLED);
    }

    static ProcessorSupplier<String, Event, String, Event> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Event> get() {
                return new AllocationProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.binary(OrderAllocation.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.allocations = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        timestamp = record.timestamp();
        Event event = record.value();
        if (event instanceof OrderPlaced placed) {
            if (allocations.get(placed.orderId()) == null) {
                apply(placed.eventId(), OrderAllocation.place(placed.orderId(), placed.order()));
            }
        } else if (event instanceof LineReserved reserved) {
            step(reserved.orderId(), reserved.eventId(), a -> a.reserved(reserved.lineNo(), reserved.chosen(),
                    reserved.backups()));
        } else if (event instanceof LineUnavailable unavailable) {
            step(unavailable.orderId(), unavailable.eventId(), a -> a.unavailable(unavailable.lineNo(),
                    unavailable.available()));
        } else if (event instanceof ParcelsShipped shipped) {
            step(shipped.orderId(), shipped.eventId(), a -> a.shipped(shipped.supplierId()));
        } else if (event instanceof DispatchRerouted rerouted) {
            step(rerouted.orderId(), rerouted.eventId(), a -> a.rerouted(rerouted.supplierId(), rerouted.lines()));
        } else if (event instanceof OrderStatusChanged changed && changed.to() == OrderStatus.CANCELLED) {
            step(changed.orderId(), changed.eventId(), OrderAllocation::cancelled);
        }
    }

    /** Events about an order this service never saw placed change nothing. */
    private void step(String orderId, String causeId, Function<OrderAllocation, AllocationStep> step) {
        OrderAllocation current = allocations.get(orderId);
        if (current != null) {
            AllocationStep next = step.apply(current);
            if (!next.actions().isEmpty() || !next.state().equals(current)) {
                apply(causeId, next);
            }
        }
    }

    private void apply(String causeId, AllocationStep step) {
        OrderAllocation state = step.state();
        allocations.put(state.orderId(), state);
        for (AllocationAction action : step.actions()) {
            emit(causeId, state, action);
        }
    }

    private void emit(String causeId, OrderAllocation state, AllocationAction action) {
        Instant at = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String orderId = state.orderId();
        if (action instanceof AllocationAction.Reserve reserve) {
            var line = reserve.line();
            forward(line.sku(), new ReserveRequested(id(causeId, "reserve", line.lineNo()), at, orderId, line.lineNo(),
                    line.sku(), line.quantity(), List.of(), state.order().priority(), reserve.onlySupplier()));
        } else if (action instanceof AllocationAction.Release release) {
            var line = release.line();
            forward(line.sku(), new ReleaseRequested(id(causeId, "release", line.lineNo()), at, orderId,
                    line.lineNo(), line.sku(), release.reason()));
        } else if (action instanceof AllocationAction.Consume consume) {
            var line = consume.line();
            forward(line.sku(), new ConsumeRequested(id(causeId, "consume", line.lineNo()), at, orderId,
                    line.lineNo(), line.sku()));
        } else if (action instanceof AllocationAction.Allocate allocate) {
            forward(orderId, new StockAllocated(EventIds.derived(causeId, "allocated"), at, orderId, state.order(),
                    allocate.lines()));
        } else if (action instanceof AllocationAction.Reject reject) {
            forward(orderId, new StockRejected(EventIds.derived(causeId, "rejected"), at, orderId,
                    reject.shortLines()));
        }
    }

    private static String id(String causeId, String what, int lineNo) {
        return EventIds.derived(causeId, what, Integer.toString(lineNo));
    }

    private void forward(String key, Event event) {
        context.forward(new Record<>(key, event, timestamp));
    }
}
