package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a simulated supplier does, whichever way its dispatches reach it (its Kafka topic, or
 * POSTed to its API): accepts each dispatch, ships it (one parcel, tracking number derived from
 * the dispatch id) and hands the parcel to the carrier; answers a cancellation CancellationAccepted
 * while the dispatch has not shipped (it is then never shipped), CancellationRejected once it has.
 * The same dispatch always yields the same events, with the same ids, so a repeat changes nothing.
 */
final class SupplierWork {

    /** How the supplier's answers reach supplier-gateway; {@code then} runs once one has been taken. */
    interface Outbox {
        void send(String supplierId, String orderId, SupplierUpdate update, Runnable then);

        /** Whether two answers sent one after the other arrive in that order without waiting for the first. */
        boolean keepsOrder();
    }

    /** Runs a step of the supplier's work later. */
    interface Timer {
        void schedule(Duration delay, Runnable step);
    }

    private final SupplierSimulator.Settings settings;
    private final SupplierSimulator.CarrierDesk carriers;
    private final Outbox outbox;
    private final Timer timer;
    /** Where each dispatch received so far stands; deciding and sending under its lock keeps the answers in order. */
    private final Map<String, DispatchState> dispatches = new ConcurrentHashMap<>();

    SupplierWork(SupplierSimulator.Settings settings, SupplierSimulator.CarrierDesk carriers, Outbox outbox, Timer timer) {
        this.settings = settings;
        this.carriers = carriers;
        this.outbox = outbox;
        this.timer = timer;
    }

    /**
     * Starts work on a dispatch; {@code finished} runs once its parcel is delivered or it is
     * cancelled. A dispatch already in hand is not started twice: then {@code finished} runs at once.
     */
    void dispatch(DispatchRequested dispatch, Runnable finished) {
        if (dispatches.putIfAbsent(dispatch.dispatchId(), new DispatchState(finished)) != null) {
            finished.run();
        } else if (settings.isInstant()) {
            acceptAndShip(dispatch);
        } else {
            timer.schedule(settings.acceptDelay(), () -> accept(dispatch));
        }
    }

    private void accept(DispatchRequested dispatch) {
        DispatchState state = dispatches.get(dispatch.dispatchId());
        synchronized (state) {
            if (state.stage == Stage.PENDING) {
                outbox.send(dispatch.supplierId(), dispatch.orderId(), accepted(dispatch),
                        () -> timer.schedule(settings.shipDelay(), () -> ship(dispatch)));
            }
        }
    }

    private void ship(DispatchRequested dispatch) {
        DispatchState state = dispatches.get(dispatch.dispatchId());
        synchronized (state) {
            if (state.stage == Stage.PENDING) {
                state.stage = Stage.SHIPPED;
                outbox.send(dispatch.supplierId(), dispatch.orderId(), shipped(dispatch),
                        () -> carriers.handOver(parcel(dispatch), state.finished));
            }
        }
    }

    /**
     * With no delay, both answers go out at once: back to back where the way they travel keeps
     * them in order (one Kafka partition, an idempotent producer), else the second once the first
     * has been taken.
     */
    private void acceptAndShip(DispatchRequested dispatch) {
        DispatchState state = dispatches.get(dispatch.dispatchId());
        synchronized (state) {
            state.stage = Stage.SHIPPED;
            Runnable shipNow = () -> outbox.send(dispatch.supplierId(), dispatch.orderId(), shipped(dispatch),
                    () -> carriers.handOver(parcel(dispatch), state.finished));
            if (outbox.keepsOrder()) {
                outbox.send(dispatch.supplierId(), dispatch.orderId(), accepted(dispatch), () -> { });
                shipNow.run();
            } else {
                outbox.send(dispatch.supplierId(), dispatch.orderId(), accepted(dispatch), shipNow);
            }
        }
    }

    /**
     * Accepted while the dispatch has not shipped: it will not ship, and it counts as finished once
     * the answer is taken. Rejected once it has shipped. A dispatch this supplier does not hold was
     * finished before a restart (a Kafka supplier's offset is only committed then), so it has
     * shipped. Asked again, the supplier gives the same answer with the same event id.
     */
    void cancel(CancellationRequested cancellation, Runnable finished) {
        DispatchState state = dispatches.get(cancellation.dispatchId());
        if (state == null) {
            outbox.send(cancellation.supplierId(), cancellation.orderId(), rejected(cancellation), finished);
            return;
        }
        synchronized (state) {
            if (state.stage == Stage.SHIPPED) {
                outbox.send(cancellation.supplierId(), cancellation.orderId(), rejected(cancellation), finished);
                return;
            }
            boolean first = state.stage == Stage.PENDING;
            state.stage = Stage.CANCELLED;
            outbox.send(cancellation.supplierId(), cancellation.orderId(), cancelled(cancellation), () -> {
                if (first) {
                    state.finished.run();
                }
                finished.run();
            });
        }
    }

    static DispatchAccepted accepted(DispatchRequested dispatch) {
        return new DispatchAccepted(EventIds.derived(dispatch.dispatchId(), "accepted"), Instant.now(),
                dispatch.orderId(), dispatch.dispatchId(), dispatch.supplierId());
    }

    static DispatchShipped shipped(DispatchRequested dispatch) {
        String carrier = Carriers.carrierOf(dispatch.supplierId());
        return new DispatchShipped(EventIds.derived(dispatch.dispatchId(), "shipped"), Instant.now(),
                dispatch.orderId(), dispatch.dispatchId(), dispatch.supplierId(), carrier,
                List.of(Carriers.trackingNumber(carrier, dispatch.dispatchId())));
    }

    static CancellationAccepted cancelled(CancellationRequested cancellation) {
        return new CancellationAccepted(EventIds.derived(cancellation.dispatchId(), "cancellation-accepted"),
                Instant.now(), cancellation.orderId(), cancellation.dispatchId(), cancellation.supplierId());
    }

    static CancellationRejected rejected(CancellationRequested cancellation) {
        return new CancellationRejected(EventIds.derived(cancellation.dispatchId(), "cancellation-rejected"),
                Instant.now(), cancellation.orderId(), cancellation.dispatchId(), cancellation.supplierId(),
                "already shipped");
    }

    static Parcel parcel(DispatchRequested dispatch) {
        String carrier = Carriers.carrierOf(dispatch.supplierId());
        return new Parcel(carrier, Carriers.trackingNumber(carrier, dispatch.dispatchId()), origin(dispatch.supplierId()),
                destination(dispatch));
    }

    static String origin(String supplierId) {
        return switch (supplierId) {
            case "shenzhen-gadgets" -> "Shenzhen, CN";
            case "hanoi-crafts" -> "Hanoi, VN";
            case "lyon-linen" -> "Lyon, FR";
            default -> supplierId + " warehouse";
        };
    }

    private static String destination(DispatchRequested dispatch) {
        return dispatch.shipTo() == null ? "destination"
                : dispatch.shipTo().city() + ", " + dispatch.shipTo().country();
    }

    /** PENDING until shipped or cancelled; only one of the two ever happens to a dispatch. */
    private enum Stage {
        PENDING, SHIPPED, CANCELLED
    }

    /** One dispatch in hand: its stage, and what to run once nothing more will happen to it. */
    private static final class DispatchState {
        private final Runnable finished;
        private Stage stage = Stage.PENDING;

        DispatchState(Runnable finished) {
            this.finished = finished;
        }
    }
}
