package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.RerouteRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.gateway.domain.AddressChange;
import com.openfulfil.dropship.gateway.domain.Decision;
import com.openfulfil.dropship.gateway.domain.Dispatch;
import com.openfulfil.dropship.gateway.domain.OrderDispatches;
import io.micrometer.core.instrument.Metrics;
import com.openfulfil.dropship.support.streams.Locality;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Wiring only: reads the order's dispatches, makes one domain call per input, stores and forwards the
 * outcome. Each piece of fulfilment news also goes into its supplier's books, here when this task
 * keeps them, else through {@code fulfilment.by-supplier}; and each shipment's tracking numbers go to
 * tracking-service in the same transaction as the shipment.
 */
final class DispatchProcessor implements Processor<String, Event, String, Event> {
    private static final Logger log = LoggerFactory.getLogger(DispatchProcessor.class);

    /** Endings that can come before an order's stock is reserved: a changed address kept for it goes. */
    private static final Set<OrderStatus> NEVER_DISPATCHED = EnumSet.of(OrderStatus.REJECTED, OrderStatus.CANCELLED);

    private final DispatchSettings settings;
    private final Function<ProcessorContext<?, ?>, Locality> localities;
    private ProcessorContext<String, Event> context;
    private KeyedState<OrderDispatches> store;
    private KeyedState<Address> addresses;
    private Deadlines deadlines;
    private SupplierBooks books;
    private Locality locality;

    private DispatchProcessor(DispatchSettings settings, Function<ProcessorContext<?, ?>, Locality> localities) {
        this.settings = settings;
        this.localities = localities;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.store = KeyedState.of(context, DispatchTopology.STORE);
        this.addresses = KeyedState.of(context, DispatchTopology.ADDRESSES);
        this.deadlines = new Deadlines(context.getStateStore(Deadlines.STORE));
        this.books = new SupplierBooks(context, settings);
        this.locality = localities.apply(context);
        // wall-clock time: a deadline passes whether or not any message arrives
        context.schedule(settings.deadlineCheck(), PunctuationType.WALL_CLOCK_TIME, this::checkDeadlines);
    }

    /**
     * Each deadline that fell due is checked against its dispatch once, then forgotten; the dispatch's
     * later deadline takes its place if the dispatch still has it to meet.
     */
    private void checkDeadlines(long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        List<Deadlines.Due> dueNow = deadlines.due(now);
        deadlines.done(dueNow);
        for (Deadlines.Due due : dueNow) {
            OrderDispatches dispatches = store.get(due.orderId());
            if (dispatches == null) {
                continue;
            }
            Optional<Dispatch> dispatch = dispatches.dispatch(due.dispatchId());
            String supplierId = dispatch.map(Dispatch::supplierId).orElse("");
            Decision decision = dispatches.breach(due.dispatchId(), due.deadline(), due.due(),
                    settings.sla(supplierId), settings.routing(), now);
            if (decision.changed()) {
                keep(new Record<>(due.orderId(), null, nowMs), decision);
            }
            dispatch.ifPresent(d -> deadlines.followUp(due, d.supplierId(), d.sentAt(), settings.sla(d.supplierId()),
                    decision.state().awaits(d.dispatchId())));
        }
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.value() instanceof FulfilmentEvent news) {
            books.record(news); // another task's news of a supplier whose books this task keeps
        } else if (record.value() instanceof StockAllocated allocated) {
            onAllocation(record, allocated);
        } else if (record.value() instanceof SupplierUpdate update) {
            onUpdate(record, update);
        } else if (record.value() instanceof RerouteRequested request) {
            onReroute(record, request);
        } else if (record.value() instanceof ShippingAddressChanged changed) {
            onAddressChanged(changed);
        } else if (record.value() instanceof OrderStatusChanged changed && changed.to() == OrderStatus.CANCELLING) {
            onCancelling(record, changed);
        } else if (record.value() instanceof OrderStatusChanged changed && NEVER_DISPATCHED.contains(changed.to())) {
            forgetAddress(changed.orderId());
        } else if (record.value() instanceof OrderStatusChanged changed && changed.to() == OrderStatus.RETURN_REQUESTED) {
            onReturnRequested(record, changed);
        }
        // StockRejected: nothing to dispatch; other types cannot be on these topics by contract
    }

    private void onAllocation(Record<String, Event> record, StockAllocated allocated) {
        if (store.get(allocated.orderId()) != null) {
            return; // a replayed allocation: dispatched the first time
        }
        Address changed = addresses.get(allocated.orderId());
        if (changed != null) {
            allocated = AddressChange.shippingTo(allocated, changed);
            addresses.put(allocated.orderId(), null);
        }
        Decision decision = OrderDispatches.allocate(allocated, settings.routing(), now());
        if (!decision.state().unroutedSuppliers().isEmpty()) {
            log.warn("Order {} is allocated to suppliers not configured here {}: nothing dispatched",
                    allocated.orderId(), decision.state().unroutedSuppliers());
            Metrics.counter("dropship.gateway.unroutable.allocations").increment();
        }
        keep(record, decision);
    }

    /**
     * The order ships elsewhere: kept until its stock reservation comes to be dispatched. If the dispatches
     * were built first (the reservation was made while order-service took the change), the suppliers have
     * the old address: ops must settle it with them.
     */
    private void onAddressChanged(ShippingAddressChanged changed) {
        if (store.get(changed.orderId()) == null) {
            addresses.put(changed.orderId(), changed.shipTo());
            return;
        }
        log.warn("ALERT order {}: its address changed (by {}) after its dispatches were built; the suppliers ship to"
                + " the address it had. Settle it with them.", changed.orderId(), changed.requestedBy());
        Metrics.counter("dropship.gateway.address.changes.late").increment();
    }

    /** An order rejected or cancelled before its stock was reserved never comes to be dispatched. */
    private void forgetAddress(String orderId) {
        if (store.get(orderId) == null && addresses.get(orderId) != null) {
            addresses.put(orderId, null);
        }
    }

    /** The order is being cancelled after dispatch: ask its suppliers (the handshake of R2.5). */
    private void onCancelling(Record<String, Event> record, OrderStatusChanged changed) {
        OrderDispatches dispatches = store.get(changed.orderId());
        if (dispatches == null) {
            return;
        }
        Decision decision = dispatches.cancel(changed.eventId(), now());
        if (decision.ignoredBecause().isEmpty()) {
            keep(record, decision);
        }
    }

    /**
     * The customer sends the order back: each supplier that shipped it authorises the return of its units
     * (R5.2); wrong or missing items also count against those suppliers (R3.6).
     */
    private void onReturnRequested(Record<String, Event> record, OrderStatusChanged changed) {
        OrderDispatches dispatches = store.get(changed.orderId());
        if (dispatches == null) {
            return;
        }
        keepChanged(record, dispatches.authoriseReturns(changed.returnReason(), settings::returns, now()));
        if (changed.returnReason() != null && changed.returnReason().isPickingError()) {
            keepChanged(record, dispatches.returnedForPickingError(changed.eventId(), changed.returnReason(),
                    changed.reason(), now()));
        }
    }

    private void keepChanged(Record<String, Event> record, Decision decision) {
        if (decision.changed()) {
            keep(record, decision);
        }
    }

    private void onUpdate(Record<String, Event> record, SupplierUpdate update) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (!topic.equals("supplier." + update.supplierId() + ".updates")) {
            // only the supplier itself may write its updates topic (ACL); a body naming another supplier is forged
            ignored(update, "supplier id does not match topic " + topic);
            return;
        }
        OrderDispatches dispatches = store.get(update.orderId());
        if (dispatches == null) {
            ignored(update, "unknown order");
            return;
        }
        Decision decision = dispatches.apply(update, settings.routing(), now());
        if (decision.refusedBecause().isPresent()) {
            refused(update, decision.refusedBecause().get());
        }
        decision.ignoredBecause().ifPresentOrElse(reason -> ignored(update, reason), () -> keep(record, decision));
    }

    /**
     * A supplier's message that contradicts its dispatch changes nothing and goes, with the reason, to the
     * updates topic's dead letters ({@code supplier.<id>.updates.supplier-gateway.dlq}), where the supplier's
     * contact and ops read why; the exception is what hands it to the dead-letter handler.
     */
    private static void refused(SupplierUpdate update, String reason) {
        log.warn("Refusing {} {} for order {} dispatch {}: {}", update.getClass().getSimpleName(), update.eventId(),
                update.orderId(), update.dispatchId(), reason);
        Metrics.counter("dropship.gateway.refused.updates", "supplier", update.supplierId(),
                "type", update.getClass().getSimpleName()).increment();
        throw new RefusedUpdateException(reason);
    }

    /** An operator moves a stuck part to its backups (checked by the API first; re-checked here, on the state). */
    private void onReroute(Record<String, Event> record, RerouteRequested request) {
        OrderDispatches dispatches = store.get(request.orderId());
        if (dispatches == null) {
            log.warn("Reroute of {} by {} ignored: unknown order {}", request.dispatchId(), request.requestedBy(),
                    request.orderId());
            return;
        }
        Decision decision = dispatches.reroute(request, settings.routing(), now());
        decision.ignoredBecause().ifPresentOrElse(reason -> log.warn("Reroute of {} by {} ignored: {}",
                request.dispatchId(), request.requestedBy(), reason), () -> {
            log.info("Order {}: {} moves dispatch {} at {} to a backup ({})", request.orderId(),
                    request.requestedBy(), request.dispatchId(), request.supplierId(), request.reason());
            keep(record, decision);
        });
    }

    private void keep(Record<String, Event> record, Decision decision) {
        store.put(decision.state().orderId(), decision.state());
        long now = context.currentSystemTimeMs();
        for (Event event : decision.events()) {
            context.forward(record.withKey(decision.state().orderId()).withValue(event).withTimestamp(now),
                    DispatchTopology.EVENTS_SINK);
            if (event instanceof FulfilmentEvent news) {
                book(record, news, now);
            }
            if (event instanceof ParcelsShipped shipped) {
                Registrations.of(shipped).forEach(r -> context.forward(record.withKey(r.trackingNumber()).withValue(r)
                        .withTimestamp(now), DispatchTopology.EVENTS_SINK));
            }
        }
        decision.events().forEach(DispatchProcessor::watch);
        decision.events().stream().filter(DispatchSent.class::isInstance).map(DispatchSent.class::cast)
                .forEach(sent -> deadlines.watch(sent, settings.sla(sent.supplierId())));
    }

    /** Into the supplier's books: here when this task keeps them, else to the task that does. */
    private void book(Record<String, Event> record, FulfilmentEvent news, long now) {
        if (locality.isLocal(news.supplierId())) {
            books.record(news);
        } else {
            context.forward(record.withKey(news.supplierId()).withValue((Event) news).withTimestamp(now),
                    DispatchTopology.BOOKS_SINK);
        }
    }

    /** Ops hear of every reroute, and loudly of a stock refusal no backup could take over. */
    private static void watch(Event event) {
        if (event instanceof DispatchRerouted rerouted) {
            log.info("Order {}: dispatch {} at {} rerouted to {} as {} ({})", rerouted.orderId(), rerouted.dispatchId(),
                    rerouted.supplierId(), rerouted.newSupplierId(), rerouted.newDispatchId(), rerouted.reason());
            Metrics.counter("dropship.gateway.reroutes", "from", rerouted.supplierId(), "to", rerouted.newSupplierId())
                    .increment();
        } else if (event instanceof SlaBreached breached) {
            if (breached.action() == SlaBreached.Action.REROUTING) {
                log.warn("Order {}: {} missed its {} deadline for dispatch {}; cancelling there to reroute",
                        breached.orderId(), breached.supplierId(), breached.deadline(), breached.dispatchId());
            }
            Metrics.counter("dropship.gateway.sla.breaches", "supplier", breached.supplierId(), "deadline",
                    breached.deadline().name(), "action", breached.action().name()).increment();
        } else if (event instanceof EscalatedToOps escalated) {
            log.error("ALERT order {}: dispatch {} at {} needs a person ({}: {}); the order is in EXCEPTION",
                    escalated.orderId(), escalated.dispatchId(), escalated.supplierId(), escalated.cause(),
                    escalated.detail());
            Metrics.counter("dropship.gateway.escalations", "supplier", escalated.supplierId(), "cause",
                    escalated.cause().name()).increment();
            if (escalated.cause() == EscalatedToOps.Cause.NO_BACKUP_LEFT) {
                Metrics.counter("dropship.gateway.reroutes.exhausted", "supplier", escalated.supplierId()).increment();
            }
        }
    }

    private void ignored(SupplierUpdate update, String reason) {
        log.info("Ignoring {} {} for order {} dispatch {}: {}", update.getClass().getSimpleName(), update.eventId(),
                update.orderId(), update.dispatchId(), reason);
        Metrics.counter("dropship.gateway.ignored.updates", "type", update.getClass().getSimpleName()).increment();
    }

    private Instant now() {
        return KeyedState.now(context);
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Event> {
        private final DispatchSettings settings;
        private final Function<ProcessorContext<?, ?>, Locality> localities;

        Supplier(DispatchSettings settings, Function<ProcessorContext<?, ?>, Locality> localities) {
            this.settings = settings;
            this.localities = localities;
        }

        @Override
        public Processor<String, Event, String, Event> get() {
            return new DispatchProcessor(settings, localities);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            Set<StoreBuilder<?>> stores = new HashSet<>(SupplierBooks.stores());
            stores.add(StateStores.keyValue(DispatchTopology.STORE, OrderDispatches.class));
            stores.add(StateStores.keyValue(DispatchTopology.ADDRESSES, Address.class));
            stores.add(StateStores.timers(Deadlines.STORE));
            return stores;
        }
    }
}
