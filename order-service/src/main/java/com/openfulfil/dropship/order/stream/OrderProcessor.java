package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.support.streams.DueIndex;
import com.openfulfil.dropship.support.streams.KeyedState;
import com.openfulfil.dropship.support.streams.StateStores;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.OrderStateMachine;
import com.openfulfil.dropship.order.domain.Refund;
import com.openfulfil.dropship.order.domain.Outcome;
import com.openfulfil.dropship.order.domain.StatusChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies each of an order's events to its record in the {@code orders} store and publishes the
 * transitions. Delivered orders wait in {@code completions-due} (keyed by when they fall due) to
 * be completed automatically; the store is changelogged, so the wait survives restarts, and an
 * order leaves it in the same transaction that completes it, so it is completed once.
 */
final class OrderProcessor implements Processor<String, Event, String, Event> {
    static final String STORE = "orders";
    static final String DUE = "completions-due";

    /** The width the due times of {@value #DUE} are padded to (as stored since the index was made). */
    private static final int DUE_DIGITS = 15;

    private final OrderSettings settings;
    private ProcessorContext<String, Event> context;
    private KeyedState<OrderRecord> orders;
    private DueIndex due;

    private OrderProcessor(OrderSettings settings) {
        this.settings = settings;
    }

    static ProcessorSupplier<String, Event, String, Event> supplier(OrderSettings settings) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Event> get() {
                return new OrderProcessor(settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.keyValue(STORE, OrderRecord.class),
                        StateStores.timers(DUE));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.orders = KeyedState.of(context, STORE);
        this.due = new DueIndex(context.getStateStore(DUE), DUE_DIGITS);
        context.schedule(settings.autoCompleteCheckEvery(), PunctuationType.WALL_CLOCK_TIME, this::completeDue);
    }

    @Override
    public void process(Record<String, Event> record) {
        String orderId = Objects.requireNonNull(record.key(), "an order's event must be keyed by its orderId");
        Instant now = now();
        OrderRecord current = orders.get(orderId);
        save(orderId, current, OrderStateMachine.apply(current, orderId, record.value(), now), record.value().eventId(), now);
    }

    private void save(String orderId, OrderRecord current, Outcome outcome, String causeId, Instant now) {
        orders.save(orderId, current, outcome.record());
        // a reship's replacement order, written in the same transaction as the move that placed it
        outcome.placed().forEach(placed -> context.forward(new Record<>(placed.orderId(), placed, now.toEpochMilli())));
        // and a refund it asks the payment provider for, for the refund connector on orders.commands
        outcome.commands().forEach(command -> context.forward(new Record<>(orderId, command, now.toEpochMilli())));
        // an address changed or refused, for orders.lifecycle
        outcome.news().forEach(news -> context.forward(new Record<>(orderId, news, now.toEpochMilli())));
        // a return parcel goes to tracking-service keyed by its tracking number, like a shipment's parcels
        outcome.registrations().forEach(parcel -> context.forward(new Record<>(parcel.trackingNumber(), parcel,
                now.toEpochMilli())));
        for (StatusChange change : outcome.changes()) {
            OrderRecord order = outcome.record();
            OrderStatusChanged changed = new OrderStatusChanged(
                    EventIds.derived(causeId, "status", change.to().name()), now, orderId,
                    change.from(), change.to(), change.reason(),
                    OrderStatusChanged.carriesOrder(change.to(), change.from() == null) ? order.details() : null,
                    refundOf(change, order), returnReasonOf(change, order), order.details().source(),
                    OrderStatusChanged.CARRIES_UNITS.contains(change.to()) ? order.units() : null,
                    refundIdOf(change, order));
            context.forward(new Record<>(orderId, changed, now.toEpochMilli()));
            measure(change, outcome.record(), now);
            if (change.to() == OrderStatus.DELIVERED) {
                due.add(now.plus(settings.autoCompleteAfter()), orderId, orderId);
            }
        }
    }

    /**
     * commission-service claws back in proportion to each refund, so a move to REFUNDED says how much this
     * refund was (the one just settled; a record from before refunds were listed has only the total).
     */
    private static BigDecimal refundOf(StatusChange change, OrderRecord order) {
        if (change.to() != OrderStatus.REFUNDED || order.afterSales() == null) {
            return null;
        }
        return order.afterSales().latestRefunded().map(Refund::amount).orElse(order.afterSales().refunded());
    }

    /** And which refund it was, so a pending one that fails later gives back what its clawback took. */
    private static String refundIdOf(StatusChange change, OrderRecord order) {
        if (change.to() != OrderStatus.REFUNDED || order.afterSales() == null) {
            return null;
        }
        return order.afterSales().latestRefunded().map(Refund::refundId).orElse(null);
    }

    /** supplier-gateway counts wrong or missing items against the suppliers, so a return request says why. */
    private static ReturnReason returnReasonOf(StatusChange change, OrderRecord order) {
        return change.to() == OrderStatus.RETURN_REQUESTED && order.afterSales() != null ? order.afterSales().reason()
                : null;
    }

    /** Completes the delivered orders whose wait is over. */
    private void completeDue(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<DueIndex.Due> dueNow = due.due(now);
        for (DueIndex.Due entry : dueNow) {
            OrderRecord current = orders.get(entry.value());
            save(entry.value(), current, OrderStateMachine.autoComplete(current, now, settings.autoCompleteAfter()),
                    EventIds.derived(entry.id(), "auto-complete", Long.toString(entry.due().toEpochMilli())), now);
        }
        due.removeAll(dueNow);
    }

    private Instant now() {
        return KeyedState.now(context);
    }

    /** How long a delivered order waits before it is completed automatically, and how often that is checked. */
    record OrderSettings(Duration autoCompleteAfter, Duration autoCompleteCheckEvery) {
        static final OrderSettings DEFAULTS = new OrderSettings(Duration.ofDays(7), Duration.ofMinutes(1));
    }

    /**
     * The business view of the pipeline: transitions counted by the state they reach
     * ({@code dropship_orders_transitions_total}), and how long after it was placed an order got
     * there ({@code dropship_order_time_since_placed_seconds}, a histogram per state). The meters
     * are registered once per state, not looked up per event.
     */
    private static final Map<OrderStatus, Counter> TRANSITIONS = new EnumMap<>(OrderStatus.class);
    private static final Map<OrderStatus, Timer> SINCE_PLACED = new EnumMap<>(OrderStatus.class);

    static {
        for (OrderStatus status : OrderStatus.values()) {
            TRANSITIONS.put(status, Metrics.counter("dropship.orders.transitions", "to", status.name()));
            SINCE_PLACED.put(status, Timer.builder("dropship.order.time.since.placed").tag("status", status.name())
                    .description("From an order being placed to it reaching a status")
                    .publishPercentileHistogram().register(Metrics.globalRegistry));
        }
    }

    private static void measure(StatusChange change, OrderRecord order, Instant now) {
        TRANSITIONS.get(change.to()).increment();
        if (order.placedAt() != null && change.from() != null) {
            SINCE_PLACED.get(change.to()).record(Duration.between(order.placedAt(), now));
        }
    }
}
