package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.AllocationAction;
import com.openfulfil.dropship.catalog.domain.AllocationLine;
import com.openfulfil.dropship.catalog.domain.AllocationStep;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.OrderAllocation;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.domain.Reservation;
import com.openfulfil.dropship.catalog.domain.ReserveOutcome;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ConsumeRequested;
import com.openfulfil.dropship.events.catalog.LineReserved;
import com.openfulfil.dropship.events.catalog.LineUnavailable;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.ReleaseRequested;
import com.openfulfil.dropship.events.catalog.ReserveRequested;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.catalog.StockRejected;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.support.streams.Locality;
import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog's one processor. It owns the products of its task ({@link Inventory}) and the orders'
 * allocations (store {@value CatalogTopology#ALLOCATIONS_STORE}, keyed by orderId): an order's lines
 * are reserved all or nothing (a line no single offer covers is split across offers, one part each),
 * each part consumed when its supplier ships, and released when the order stops wanting them. A line
 * whose product lives in this task (always, on one partition) is reserved in place, so an order is
 * allocated in the step that reads it; only a line whose product another task owns goes through
 * {@code catalog.reservation-requests} and comes back on {@code catalog.reservation-results}, one
 * {@code LineReserved} per part, all written by the owner in one step. An order it already has is
 * ignored, so a replayed {@code OrderPlaced} reserves nothing twice.
 */
final class CatalogProcessor implements Processor<String, Event, String, Event> {
    /** Order endings after which nothing the order holds will ship: what is still held goes back. */
    private static final Set<OrderStatus> ENDINGS = EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REFUNDED,
            OrderStatus.RESHIPPED, OrderStatus.RETURNED);

    private final CatalogPolicy policy;
    private final Duration stockPublishInterval;
    private final Function<ProcessorContext<?, ?>, Locality> localities;
    private ProcessorContext<String, Event> context;
    private KeyedState<OrderAllocation> allocations;
    private Inventory inventory;
    private Locality locality;
    private long timestamp;

    private CatalogProcessor(CatalogPolicy policy, Duration stockPublishInterval,
                             Function<ProcessorContext<?, ?>, Locality> localities) {
        this.policy = policy;
        this.stockPublishInterval = stockPublishInterval;
        this.localities = localities;
    }

    static boolean handles(Event event) {
        return event instanceof OfferFeedRow || event instanceof ReserveRequested || event instanceof ReleaseRequested
                || event instanceof ConsumeRequested || event instanceof OrderPlaced || event instanceof LineReserved
                || event instanceof LineUnavailable || event instanceof ParcelsShipped
                || event instanceof DispatchRerouted || event instanceof OrderStatusChanged;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.allocations = KeyedState.of(context, CatalogTopology.ALLOCATIONS_STORE);
        KeyValueStore<String, Product> products = context.getStateStore(CatalogTopology.INVENTORY_STORE);
        this.inventory = new Inventory(products, policy, this::forward);
        this.locality = localities.apply(context);
        context.schedule(stockPublishInterval, PunctuationType.WALL_CLOCK_TIME, at -> {
            timestamp = at;
            inventory.publishStock(Instant.ofEpochMilli(at));
        });
    }

    @Override
    public void process(Record<String, Event> record) {
        timestamp = record.timestamp();
        Instant now = now();
        Event event = record.value();
        if (event instanceof OfferFeedRow row) {
            inventory.apply(row, now);
        } else if (event instanceof ReserveRequested request) {
            answer(request, inventory.reserve(request.eventId(), request.orderId(), request.lineNo(), request.sku(),
                    request.quantity(), request.excludedSuppliers(), request.onlySupplier(), request.preferredSupplier(),
                    request.priority(), now));
        } else if (event instanceof ReleaseRequested release) {
            inventory.release(release.eventId(), release.sku(), release.supplierId(), release.quantity(), now);
        } else if (event instanceof ConsumeRequested consume) {
            inventory.consume(consume.eventId(), consume.sku(), consume.supplierId(), consume.quantity(), now);
        } else if (event instanceof OrderPlaced placed) {
            if (allocations.get(placed.orderId()) == null) {
                apply(placed.eventId(), OrderAllocation.place(placed.orderId(), placed.order()));
            }
        } else if (event instanceof LineReserved reserved) {
            step(reserved.orderId(), reserved.eventId(), a -> a.reserved(reserved.lineNo(), reserved.quantity(),
                    reserved.chosen(), reserved.backups()));
        } else if (event instanceof LineUnavailable unavailable) {
            step(unavailable.orderId(), unavailable.eventId(), a -> a.unavailable(unavailable.lineNo(),
                    unavailable.requested(), unavailable.available()));
        } else if (event instanceof ParcelsShipped shipped) {
            step(shipped.orderId(), shipped.eventId(), a -> a.shipped(shipped.supplierId()));
        } else if (event instanceof DispatchRerouted rerouted) {
            step(rerouted.orderId(), rerouted.eventId(), a -> a.rerouted(rerouted.supplierId(), rerouted.lines()));
        } else if (event instanceof OrderStatusChanged changed && changed.to() == OrderStatus.CANCELLED) {
            step(changed.orderId(), changed.eventId(), OrderAllocation::cancelled);
        } else if (event instanceof OrderStatusChanged changed && ENDINGS.contains(changed.to())) {
            step(changed.orderId(), changed.eventId(), OrderAllocation::ended);
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

    /**
     * Carries out a step's actions. What concerns a product of this task is done here and its answer
     * applied at once, which may ask for more (a short line releases the others): the allocation
     * settles before anything is written.
     */
    private void apply(String causeId, AllocationStep first) {
        OrderAllocation state = first.state();
        Deque<AllocationAction> pending = new ArrayDeque<>(first.actions());
        while (!pending.isEmpty()) {
            AllocationAction action = pending.poll();
            AllocationStep answered = carryOut(causeId, state, action);
            if (answered != null) {
                state = answered.state();
                pending.addAll(answered.actions());
            }
        }
        allocations.put(state.orderId(), state);
    }

    /** @return the allocation's next step when the action was answered here, else null */
    private AllocationStep carryOut(String causeId, OrderAllocation state, AllocationAction action) {
        Instant now = now();
        String orderId = state.orderId();
        if (action instanceof AllocationAction.Reserve reserve) {
            AllocationLine line = reserve.line();
            if (locality.isLocal(line.sku())) {
                ReserveOutcome outcome = inventory.reserve(id(causeId, "reserve", line.lineNo()), orderId,
                        line.lineNo(), line.sku(), line.quantity(), List.of(), reserve.onlySupplier(),
                        reserve.preferredSupplier(), state.order().priority(), now);
                return outcome instanceof ReserveOutcome.Reserved r ? state.reserved(line.lineNo(), r.parts())
                        : state.unavailable(line.lineNo(), line.quantity(),
                        ((ReserveOutcome.Unavailable) outcome).available());
            }
            forward(line.sku(), new ReserveRequested(id(causeId, "reserve", line.lineNo()), now, orderId,
                    line.lineNo(), line.sku(), line.quantity(), List.of(), state.order().priority(),
                    reserve.onlySupplier(), reserve.preferredSupplier()));
        } else if (action instanceof AllocationAction.Release release) {
            AllocationLine line = release.line();
            String id = id(causeId, "release", state, line);
            if (locality.isLocal(line.sku())) {
                inventory.release(id, line.sku(), line.chosen().supplierId(), line.quantity(), now);
            } else {
                forward(line.sku(), new ReleaseRequested(id, now, orderId, line.lineNo(), line.sku(), release.reason(),
                        line.chosen().supplierId(), line.quantity()));
            }
        } else if (action instanceof AllocationAction.Consume consume) {
            AllocationLine line = consume.line();
            String id = id(causeId, "consume", state, line);
            if (locality.isLocal(line.sku())) {
                inventory.consume(id, line.sku(), line.chosen().supplierId(), line.quantity(), now);
            } else {
                forward(line.sku(), new ConsumeRequested(id, now, orderId, line.lineNo(), line.sku(),
                        line.chosen().supplierId(), line.quantity()));
            }
        } else if (action instanceof AllocationAction.Allocate allocate) {
            forward(orderId, new StockAllocated(EventIds.derived(causeId, "allocated"), now, orderId, state.order(),
                    allocate.lines()));
        } else if (action instanceof AllocationAction.Reject reject) {
            forward(orderId, new StockRejected(EventIds.derived(causeId, "rejected"), now, orderId,
                    reject.shortLines()));
        }
        return null;
    }

    /**
     * The answer to another task's request goes back to the order's task: one LineReserved per part the
     * line holds (one, unless it was split across offers), each with its own quantity and offer.
     */
    private void answer(ReserveRequested request, ReserveOutcome outcome) {
        String answerId = EventIds.derived(request.eventId(), "answer");
        if (outcome instanceof ReserveOutcome.Reserved reserved) {
            for (Reservation part : reserved.parts()) {
                forward(request.orderId(), new LineReserved(reserved.parts().size() == 1 ? answerId
                        : EventIds.derived(answerId, part.chosen().supplierId()), now(), request.orderId(),
                        request.lineNo(), request.sku(), part.quantity(), part.chosen(), part.backups()));
            }
        } else if (outcome instanceof ReserveOutcome.Unavailable unavailable) {
            forward(request.orderId(), new LineUnavailable(answerId, now(), request.orderId(), request.lineNo(),
                    request.sku(), request.quantity(), unavailable.available(), unavailable.listed()));
        }
    }

    private static String id(String causeId, String what, int lineNo) {
        return EventIds.derived(causeId, what, Integer.toString(lineNo));
    }

    /** A part of a split line has an id of its own: its supplier's. */
    private static String id(String causeId, String what, OrderAllocation state, AllocationLine line) {
        return state.split(line.lineNo())
                ? EventIds.derived(causeId, what, Integer.toString(line.lineNo()), line.chosen().supplierId())
                : id(causeId, what, line.lineNo());
    }

    private void forward(String key, Event event) {
        context.forward(new Record<>(key, event, timestamp));
    }

    private Instant now() {
        return KeyedState.now(context);
    }

    static ProcessorSupplier<String, Event, String, Event> supplier(CatalogPolicy policy, Duration stockPublishInterval,
                                                                    Function<ProcessorContext<?, ?>, Locality> localities) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Event> get() {
                return new CatalogProcessor(policy, stockPublishInterval, localities);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(StateStores.keyValue(CatalogTopology.INVENTORY_STORE, Product.class),
                        StateStores.keyValue(CatalogTopology.ALLOCATIONS_STORE, OrderAllocation.class));
            }
        };
    }
}
