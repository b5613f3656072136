package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything supplier-gateway knows about one order: the allocation it was given and one
 * dispatch per supplier. {@code unroutedSuppliers} lists chosen suppliers that are not configured
 * here; such an allocation is kept but nothing is sent (rerouting is issue 6).
 */
public record OrderDispatches(String orderId, StockAllocated allocation, List<Dispatch> dispatches,
                              List<String> unroutedSuppliers) {

    public OrderDispatches {
        dispatches = List.copyOf(dispatches);
        unroutedSuppliers = unroutedSuppliers == null ? List.of() : List.copyOf(unroutedSuppliers);
    }

    /**
     * A first allocation: a DispatchRequested and a DispatchSent per supplier. If any chosen
     * supplier is unknown here, nothing goes out for the order: half an order sent is worse than
     * none, and no topic is invented for a supplier nobody configured.
     */
    public static Decision allocate(StockAllocated allocated, Set<String> knownSuppliers, PackingInstructions packing,
                                    Instant now) {
        List<Dispatch> planned = DispatchPlan.split(allocated);
        List<String> unknown = planned.stream().map(Dispatch::supplierId)
                .filter(s -> !knownSuppliers.contains(s)).toList();
        if (!unknown.isEmpty()) {
            return Decision.emit(new OrderDispatches(allocated.orderId(), allocated, List.of(), unknown), List.of());
        }
        List<Event> events = new ArrayList<>();
        for (Dispatch dispatch : planned) {
            events.add(request(allocated, dispatch, packing, now));
            events.add(new DispatchSent(EventIds.derived(allocated.eventId(), dispatch.supplierId(), "DispatchSent"),
                    now, allocated.orderId(), dispatch.dispatchId(), dispatch.supplierId(), dispatch.items()));
        }
        return Decision.emit(new OrderDispatches(allocated.orderId(), allocated, planned, List.of()), events);
    }

    /** A supplier's answer: normalised onto fulfilment.events when it is news, nothing otherwise. */
    public Decision apply(SupplierUpdate update, Instant now) {
        Optional<Dispatch> found = dispatches.stream()
                .filter(d -> d.dispatchId().equals(update.dispatchId())).findFirst();
        if (found.isEmpty()) {
            return Decision.ignore(this, "unknown dispatch");
        }
        Dispatch dispatch = found.get();
        if (!dispatch.supplierId().equals(update.supplierId())) {
            return Decision.ignore(this, "dispatch belongs to another supplier");
        }
        return answer(dispatch, update, now);
    }

    private Decision answer(Dispatch dispatch, SupplierUpdate update, Instant now) {
        String id = EventIds.derived(update.eventId(), "normalised");
        if (update instanceof DispatchAccepted) {
            return dispatch.accept().map(next -> emit(next,
                    new SupplierAccepted(id, now, orderId, next.dispatchId(), next.supplierId())))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof DispatchRejected rejected) {
            return dispatch.reject().map(next -> emit(next, new SupplierRejected(id, now, orderId, next.dispatchId(),
                            next.supplierId(), rejected.reason(), rejected.detail())))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof DispatchShipped shipped) {
            List<String> fresh = dispatch.unseen(shipped.trackingNumbers());
            return dispatch.ship(shipped.carrier(), shipped.trackingNumbers())
                    .map(next -> emit(next, new ParcelsShipped(id, now, orderId, next.dispatchId(), next.supplierId(),
                            shipped.carrier(), fresh)))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof CancellationAccepted) {
            return dispatch.cancellationAnswered(CancellationState.ACCEPTED)
                    .map(next -> emit(next, new DispatchCancelled(id, now, orderId, next.dispatchId(), next.supplierId())))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof CancellationRejected rejected) {
            return dispatch.cancellationAnswered(CancellationState.REJECTED)
                    .map(next -> emit(next, new CancellationRefused(id, now, orderId, next.dispatchId(),
                            next.supplierId(), rejected.reason())))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        return ignoreTransition(dispatch, update);
    }

    /**
     * The order is being cancelled after dispatch: each supplier still holding its part is asked to
     * drop it; a part already shipped is refused at once, one the supplier refused is already off.
     * Asking again (a replayed request) asks nobody twice.
     */
    public Decision cancel(String causeId, Instant now) {
        List<Event> events = new ArrayList<>();
        List<Dispatch> next = new ArrayList<>();
        for (Dispatch dispatch : dispatches) {
            String id = EventIds.derived(causeId, dispatch.dispatchId(), "cancel");
            if (dispatch.cancellation() != CancellationState.NONE) {
                next.add(dispatch);
            } else if (dispatch.status() == DispatchStatus.SHIPPED) {
                events.add(new CancellationRefused(id, now, orderId, dispatch.dispatchId(), dispatch.supplierId(),
                        "already shipped"));
                next.add(dispatch.withCancellation(CancellationState.REJECTED));
            } else if (dispatch.status() == DispatchStatus.REJECTED) {
                events.add(new DispatchCancelled(id, now, orderId, dispatch.dispatchId(), dispatch.supplierId()));
                next.add(dispatch.withCancellation(CancellationState.ACCEPTED));
            } else {
                events.add(new CancellationRequested(id, now, orderId, dispatch.dispatchId(), dispatch.supplierId(),
                        "the customer cancelled the order"));
                next.add(dispatch.withCancellation(CancellationState.REQUESTED));
            }
        }
        return events.isEmpty() ? Decision.ignore(this, "nothing to cancel")
                : Decision.emit(new OrderDispatches(orderId, allocation, next, unroutedSuppliers), events);
    }

    private Decision emit(Dispatch next, Event event) {
        return Decision.emit(replace(next), List.of(event));
    }

    private Decision ignoreTransition(Dispatch dispatch, SupplierUpdate update) {
        return Decision.ignore(this, update.getClass().getSimpleName() + " is not news for a dispatch in "
                + dispatch.status());
    }

    private OrderDispatches replace(Dispatch next) {
        List<Dispatch> all = dispatches.stream()
                .map(d -> d.dispatchId().equals(next.dispatchId()) ? next : d).toList();
        return new OrderDispatches(orderId, allocation, all, unroutedSuppliers);
    }

    private static DispatchRequested request(StockAllocated allocated, Dispatch dispatch, PackingInstructions packing,
                                             Instant now) {
        OrderDetails order = allocated.order();
        SpecialRequests requests = order.requests() == null ? SpecialRequests.NONE : order.requests();
        return new DispatchRequested(EventIds.derived(allocated.eventId(), dispatch.supplierId(), "DispatchRequested"),
                now, allocated.orderId(), dispatch.dispatchId(), dispatch.supplierId(), dispatch.items(),
                order.shipTo(), order.customer(), order.priority(), requests, packing);
    }
}
