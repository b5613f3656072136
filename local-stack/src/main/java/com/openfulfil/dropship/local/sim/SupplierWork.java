package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
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
 * the dispatch id; one dispatch in {@code splitOneIn} in two, the second after the first is delivered)
 * and hands the parcel to the carrier; answers a cancellation CancellationAccepted
 * while the dispatch has not shipped (it is then never shipped), CancellationRejected once it has.
 * The same dispatch always yields the same events, with the same ids, so a repeat changes nothing.
 */
final class SupplierWork {
    private static final String SECOND = "2";

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
                shipParcels(dispatch, state);
            }
        }
    }

    /**
     * One parcel with everything; or, for a dispatch the settings split, a first parcel naming what it holds
     * and, once the carrier has delivered it, a second that names nothing and so holds the rest.
     */
    private void shipParcels(DispatchRequested dispatch, DispatchState state) {
        if (!splits(dispatch)) {
            outbox.send(dispatch.supplierId(), dispatch.orderId(), shipped(dispatch),
                    () -> carriers.handOver(parcel(dispatch), state.finished));
            return;
        }
        Runnable second = () -> outbox.send(dispatch.supplierId(), dispatch.orderId(), secondParcelShipped(dispatch),
                () -> carriers.handOver(parcel(dispatch, SECOND), state.finished));
        outbox.send(dispatch.supplierId(), dispatch.orderId(), firstParcelShipped(dispatch),
                () -> carriers.handOver(parcel(dispatch), second));
    }

    /** Whether this dispatch goes in two parcels: the same answer every time it is read. */
    boolean splits(DispatchRequested dispatch) {
        int units = dispatch.items().stream().mapToInt(DispatchItem::quantity).sum();
        return settings.splitOneIn() > 0 && units >= 2
                && Math.floorMod(dispatch.dispatchId().hashCode(), settings.splitOneIn()) == 0;
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
            Runnable shipNow = () -> shipParcels(dispatch, state);
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

    /**
     * The first of two parcels: the first line whole when the dispatch has several, else half the units of
     * its one line (rounded down).
     */
    static DispatchShipped firstParcelShipped(DispatchRequested dispatch) {
        String carrier = Carriers.carrierOf(dispatch.supplierId());
        DispatchItem first = dispatch.items().get(0);
        int units = dispatch.items().size() > 1 ? first.quantity() : first.quantity() / 2;
        String trackingNumber = Carriers.trackingNumber(carrier, dispatch.dispatchId());
        return new DispatchShipped(EventIds.derived(dispatch.dispatchId(), "shipped"), Instant.now(),
                dispatch.orderId(), dispatch.dispatchId(), dispatch.supplierId(), carrier, List.of(trackingNumber),
                List.of(new ShippedParcel(trackingNumber, List.of(new ParcelItem(first.lineNo(), first.sku(), units)))));
    }

    /** The second parcel names nothing: it holds what the first left, as a supplier that does not count says. */
    static DispatchShipped secondParcelShipped(DispatchRequested dispatch) {
        String carrier = Carriers.carrierOf(dispatch.supplierId());
        return new DispatchShipped(EventIds.derived(dispatch.dispatchId(), "shipped", SECOND), Instant.now(),
                dispatch.orderId(), dispatch.dispatchId(), dispatch.supplierId(), carrier,
                List.of(Carriers.trackingNumber(carrier, dispatch.dispatchId() + "/" + SECOND)));
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

    /** The dispatch's second parcel, when it is split. */
    static Parcel parcel(DispatchRequested dispatch, String which) {
        String carrier = Carriers.carrierOf(dispatch.supplierId());
        return new Parcel(carrier, Carriers.trackingNumber(carrier, dispatch.dispatchId() + "/" + which),
                origin(dispatch.supplierId()), destination(dispatch));
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
