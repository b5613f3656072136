package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.SlaDeadline;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.supplier.CancellationAccepted;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.CancellationRejected;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchAccepted;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRejected;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ItemErrorReported;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.RerouteRequested;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SlaBreached;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything supplier-gateway knows about one order: the allocation it was given and one
 * dispatch per supplier, plus the dispatches to backup suppliers when a part was rerouted.
 * {@code unroutedSuppliers} lists chosen suppliers that are not configured here; such an
 * allocation is kept but nothing is sent.
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
        return allocate(allocated, new Routing(knownSuppliers, packing), now);
    }

    /** As above, with customs data for the dispatches that cross a border. */
    public static Decision allocate(StockAllocated allocated, Routing routing, Instant now) {
        Set<String> knownSuppliers = routing.suppliers();
        List<Dispatch> planned = DispatchPlan.split(allocated, now);
        List<String> unknown = planned.stream().map(Dispatch::supplierId)
                .filter(s -> !knownSuppliers.contains(s)).toList();
        if (!unknown.isEmpty()) {
            return Decision.emit(new OrderDispatches(allocated.orderId(), allocated, List.of(), unknown), List.of());
        }
        List<Event> events = new ArrayList<>();
        for (Dispatch dispatch : planned) {
            events.add(request(allocated, dispatch, routing,
                    EventIds.derived(allocated.eventId(), dispatch.supplierId(), "DispatchRequested"), now));
            events.add(new DispatchSent(EventIds.derived(allocated.eventId(), dispatch.supplierId(), "DispatchSent"),
                    now, allocated.orderId(), dispatch.dispatchId(), dispatch.supplierId(), dispatch.items()));
        }
        return Decision.emit(new OrderDispatches(allocated.orderId(), allocated, planned, List.of()), events);
    }

    /** A supplier's answer: normalised onto fulfilment.events when it is news, nothing otherwise. */
    public Decision apply(SupplierUpdate update, Routing routing, Instant now) {
        Optional<Dispatch> found = dispatches.stream()
                .filter(d -> d.dispatchId().equals(update.dispatchId())).findFirst();
        if (found.isEmpty()) {
            return Decision.ignore(this, "unknown dispatch");
        }
        Dispatch dispatch = found.get();
        if (!dispatch.supplierId().equals(update.supplierId())) {
            return Decision.ignore(this, "dispatch belongs to another supplier");
        }
        return answer(dispatch, update, routing, now);
    }

    private Decision answer(Dispatch dispatch, SupplierUpdate update, Routing routing, Instant now) {
        String id = EventIds.derived(update.eventId(), "normalised");
        if (update instanceof DispatchAccepted) {
            return dispatch.accept().map(next -> emit(next,
                    new SupplierAccepted(id, now, orderId, next.dispatchId(), next.supplierId())))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof DispatchRejected rejected) {
            return dispatch.reject().map(next -> rejected(next, rejected, id, routing, now))
                    .orElseGet(() -> ignoreTransition(dispatch, update));
        }
        if (update instanceof DispatchShipped shipped) {
            return shipped(dispatch, shipped, id, now);
        }
        if (update instanceof CancellationAccepted) {
            return dispatch.cancellationAnswered(CancellationState.ACCEPTED)
                    .map(next -> cancelled(next, id, routing, now))
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
     * What would refuse {@code shipped} if it were applied now: the shipment checked against its dispatch,
     * when the dispatch is known, is the supplier's and can still ship. Empty when it would be taken (or
     * ignored as old news). The HTTP API answers with it at once; the stream checks again on its own state.
     */
    public Optional<Shipment> refusal(DispatchShipped shipped) {
        return dispatch(shipped.dispatchId()).filter(d -> d.supplierId().equals(shipped.supplierId()))
                .filter(d -> d.status().canShip()).map(d -> Shipment.of(d, shipped)).filter(Shipment::refused);
    }

    /**
     * Parcels with a carrier: only the ones not seen before are news, each with what it holds as checked
     * against the dispatch (a parcel naming nothing holds what was left). A shipment that names an item the
     * dispatch does not have, or more units than are left of a line, is refused whole.
     */
    private Decision shipped(Dispatch dispatch, DispatchShipped shipped, String id, Instant now) {
        if (!dispatch.status().canShip()) {
            return ignoreTransition(dispatch, shipped);
        }
        Shipment shipment = Shipment.of(dispatch, shipped);
        if (shipment.refused()) {
            return Decision.refuse(this, shipment.reason(shipped));
        }
        return dispatch.ship(shipped.carrier(), shipment)
                .map(next -> emit(next, new ParcelsShipped(id, now, orderId, next.dispatchId(), next.supplierId(),
                        shipped.carrier(), shipment.trackingNumbers(), shipment.parcels())))
                .orElseGet(() -> ignoreTransition(dispatch, shipped));
    }

    /**
     * Refused for stock, and not being cancelled anyway: the lines go to their backups (R3.2). Any
     * other refusal, or no backup left, is reported as it is and the order needs a person.
     */
    private Decision rejected(Dispatch next, DispatchRejected rejected, String id, Routing routing, Instant now) {
        SupplierRejected reported = new SupplierRejected(id, now, orderId, next.dispatchId(), next.supplierId(),
                rejected.reason(), rejected.detail());
        if (rejected.reason() != RejectionReason.OUT_OF_STOCK || next.cancellation() != CancellationState.NONE) {
            return emit(next, reported);
        }
        return Reroute.of(replace(next), next, routing, id, "rejected by " + next.supplierId() + ": out of stock"
                        + (rejected.detail() == null ? "" : " (" + rejected.detail() + ")"), now)
                .orElseGet(() -> Decision.emit(replace(next), List.of(reported, escalation(id, next,
                        EscalatedToOps.Cause.NO_BACKUP_LEFT, "out of stock and no backup offer is left", now))));
    }

    /** The supplier dropped the dispatch: the order's cancellation goes on, or a late dispatch moves to a backup. */
    private Decision cancelled(Dispatch next, String id, Routing routing, Instant now) {
        DispatchCancelled reported = new DispatchCancelled(id, now, orderId, next.dispatchId(), next.supplierId());
        if (!next.rerouteWhenCancelled()) {
            return emit(next, reported);
        }
        return Reroute.of(replace(next), next, routing, id, next.rerouteReason(), now)
                .orElseGet(() -> Decision.emit(replace(next), List.of(reported, escalation(id, next,
                        EscalatedToOps.Cause.SLA_BREACHED, "cancelled there to move it, and no backup is left",
                        now))));
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
                // a late dispatch being dropped for a backup is now dropped for the order's cancellation
                next.add(dispatch.withoutReroute());
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
        return events.isEmpty() && next.equals(dispatches) ? Decision.ignore(this, "nothing to cancel")
                : Decision.emit(new OrderDispatches(orderId, allocation, next, unroutedSuppliers), events);
    }

    /**
     * A deadline of {@code dispatchId} fell due (R3.5). Met in time, or the dispatch is being
     * cancelled anyway: nothing. Otherwise SlaBreached with the agreement's penalty; under the reroute
     * policy, with a backup left for every line, the supplier is asked to cancel and the lines move
     * once it agrees; else ops take over.
     */
    public Decision breach(String dispatchId, SlaDeadline deadline, Instant due, SlaTerms terms, Routing routing,
                           Instant now) {
        Optional<Dispatch> found = dispatches.stream().filter(d -> d.dispatchId().equals(dispatchId)).findFirst();
        if (found.isEmpty()) {
            return Decision.ignore(this, "unknown dispatch");
        }
        Dispatch dispatch = found.get();
        boolean met = deadline == SlaDeadline.ACCEPT ? dispatch.status() != DispatchStatus.SENT
                : dispatch.status() == DispatchStatus.SHIPPED || dispatch.status() == DispatchStatus.REJECTED;
        if (met || dispatch.cancellation() != CancellationState.NONE) {
            return Decision.ignore(this, deadline + " deadline met or no longer relevant");
        }
        String id = EventIds.derived(dispatchId, deadline.name(), "breached");
        boolean reroute = terms.policy() == SlaTerms.Policy.REROUTE
                && Reroute.of(this, dispatch, routing, id, "", now).isPresent();
        SlaBreached breached = new SlaBreached(id, now, orderId, dispatchId, dispatch.supplierId(), deadline, due,
                reroute ? SlaBreached.Action.REROUTING : SlaBreached.Action.ESCALATED, terms.penaltyPercent());
        if (!reroute) {
            return Decision.emit(this, List.of(breached, escalation(id, dispatch, EscalatedToOps.Cause.SLA_BREACHED,
                    deadline + " deadline missed (due " + due + ")", now)));
        }
        return Decision.emit(replace(dispatch.cancellingToReroute("deadline missed at " + dispatch.supplierId())),
                List.of(breached,
                new CancellationRequested(EventIds.derived(id, "cancel"), now, orderId, dispatchId,
                        dispatch.supplierId(), deadline == SlaDeadline.ACCEPT ? "not accepted in time"
                        : "not shipped in time")));
    }

    /**
     * An operator moves a supplier's part that is stuck there (sent or accepted, not shipped, not being
     * cancelled) to the backups the allocation ranked for its lines (R3.2): the supplier is asked to
     * cancel, and the lines move once it agrees, as for a missed deadline under the reroute policy. If
     * the supplier refuses (it has packed already), the part stays with it. A request that cannot be
     * carried out ({@link #rerouteRefusal}) changes nothing.
     */
    public Decision reroute(RerouteRequested request, Routing routing, Instant now) {
        Optional<String> refusal = rerouteRefusal(request.dispatchId(), routing, now);
        if (refusal.isPresent()) {
            return Decision.ignore(this, refusal.get());
        }
        Dispatch dispatch = dispatch(request.dispatchId()).orElseThrow();
        String reason = "moved by " + request.requestedBy() + ": " + request.reason();
        return Decision.emit(replace(dispatch.cancellingToReroute(reason)), List.of(new CancellationRequested(
                EventIds.derived(request.eventId(), "cancel"), now, orderId, dispatch.dispatchId(),
                dispatch.supplierId(), "moved to another supplier by the retailer's operations team")));
    }

    /** Why {@code dispatchId} cannot be moved to backups now, if it cannot. */
    public Optional<String> rerouteRefusal(String dispatchId, Routing routing, Instant now) {
        Optional<Dispatch> found = dispatch(dispatchId);
        if (found.isEmpty()) {
            return Optional.of("order " + orderId + " has no dispatch " + dispatchId);
        }
        Dispatch dispatch = found.get();
        if (!dispatch.movable()) {
            return Optional.of("dispatch " + dispatchId + " at " + dispatch.supplierId() + " is "
                    + (dispatch.cancellation() != CancellationState.NONE ? "being cancelled already"
                    : dispatch.status().name().toLowerCase(Locale.ROOT)) + "; only a part still with its supplier moves");
        }
        if (reroutePlan(dispatchId, routing, now).isEmpty()) {
            return Optional.of("some line of dispatch " + dispatchId + " has no backup offer left at a supplier "
                    + "this gateway serves");
        }
        return Optional.empty();
    }

    /** Where each line of {@code dispatchId} would go: one DispatchRerouted per backup supplier; empty if not all can move. */
    public Optional<List<DispatchRerouted>> reroutePlan(String dispatchId, Routing routing, Instant now) {
        return dispatch(dispatchId).flatMap(d -> Reroute.of(this, d, routing, dispatchId, "", now))
                .map(decision -> decision.events().stream().filter(DispatchRerouted.class::isInstance)
                        .map(DispatchRerouted.class::cast).toList());
    }

    /** The parts still with their suppliers that an operator could move. */
    public List<Dispatch> movable() {
        return dispatches.stream().filter(Dispatch::movable).toList();
    }

    /**
     * Whether the dispatch still has deadlines to meet: it is with its supplier, neither shipped nor
     * refused, and not being cancelled.
     */
    public boolean awaits(String dispatchId) {
        return dispatch(dispatchId).filter(d -> d.status() == DispatchStatus.SENT || d.status() == DispatchStatus.ACCEPTED)
                .filter(d -> d.cancellation() == CancellationState.NONE).isPresent();
    }

    public Optional<Dispatch> dispatch(String dispatchId) {
        return dispatches.stream().filter(d -> d.dispatchId().equals(dispatchId)).findFirst();
    }

    /**
     * The customer sends the order back for wrong or missing items: each supplier that shipped a part
     * of it hears of it, for its error rate (R3.6). The order does not say which part was wrong.
     */
    public Decision returnedForPickingError(String causeId, ReturnReason reason, String detail, Instant now) {
        List<Event> reports = dispatches.stream().filter(d -> d.status() == DispatchStatus.SHIPPED)
                .map(d -> (Event) new ItemErrorReported(EventIds.derived(causeId, d.dispatchId(), "item-error"), now,
                        orderId, d.dispatchId(), d.supplierId(), reason, detail))
                .toList();
        return reports.isEmpty() ? Decision.ignore(this, "no supplier shipped this order")
                : Decision.emit(this, reports);
    }

    /**
     * The customer sends the order back (R5.2): one authorisation per supplier that shipped part of it, for
     * the units it shipped, to its return address. The supplier pays the postage for a quality problem (its
     * agreed flat cost, in the currency its items are priced in), the customer for a change of mind. Ids and
     * RMA numbers come from the order and the supplier, so a replayed request authorises the same returns.
     */
    public Decision authoriseReturns(ReturnReason reason, Function<String, ReturnTerms> termsOf, Instant now) {
        Map<String, List<Dispatch>> shippedBy = new TreeMap<>();
        dispatches.stream().filter(d -> d.status() == DispatchStatus.SHIPPED)
                .forEach(d -> shippedBy.computeIfAbsent(d.supplierId(), s -> new ArrayList<>()).add(d));
        List<Event> authorisations = shippedBy.entrySet().stream()
                .map(e -> (Event) authorisation(e.getKey(), e.getValue(), reason, termsOf.apply(e.getKey()), now))
                .toList();
        return authorisations.isEmpty() ? Decision.ignore(this, "no supplier shipped this order")
                : Decision.emit(this, authorisations);
    }

    private ReturnAuthorised authorisation(String supplierId, List<Dispatch> shipped, ReturnReason reason,
                                           ReturnTerms terms, Instant now) {
        List<ParcelItem> items = shipped.stream().flatMap(d -> d.shippedItems().stream()).toList();
        String currency = shipped.stream().flatMap(d -> d.items().stream()).map(DispatchItem::currency)
                .filter(Objects::nonNull).findFirst().orElse(null);
        ReturnPayer payer = ReturnPayer.of(reason);
        BigDecimal charge = payer == ReturnPayer.SUPPLIER ? terms.shippingCost(currency).orElse(null) : null;
        return new ReturnAuthorised(EventIds.derived(orderId, supplierId, "ReturnAuthorised"), now, orderId,
                shipped.get(0).dispatchId(), supplierId, ReturnAuthorised.rmaId(orderId, supplierId), reason, items,
                terms.returnTo(), terms.address(), payer, charge, charge == null ? null : currency);
    }

    private EscalatedToOps escalation(String causeId, Dispatch dispatch, EscalatedToOps.Cause cause, String detail,
                                      Instant now) {
        return new EscalatedToOps(EventIds.derived(causeId, "escalated"), now, orderId, dispatch.dispatchId(),
                dispatch.supplierId(), cause, detail);
    }

    private Decision emit(Dispatch next, Event event) {
        return Decision.emit(replace(next), List.of(event));
    }

    private Decision ignoreTransition(Dispatch dispatch, SupplierUpdate update) {
        return Decision.ignore(this, update.getClass().getSimpleName() + " is not news for a dispatch in "
                + dispatch.status());
    }

    OrderDispatches withDispatches(List<Dispatch> all) {
        return new OrderDispatches(orderId, allocation, all, unroutedSuppliers);
    }

    private OrderDispatches replace(Dispatch next) {
        List<Dispatch> all = dispatches.stream()
                .map(d -> d.dispatchId().equals(next.dispatchId()) ? next : d).toList();
        return new OrderDispatches(orderId, allocation, all, unroutedSuppliers);
    }

    static DispatchRequested request(StockAllocated allocated, Dispatch dispatch, Routing routing, String eventId,
                                     Instant now) {
        OrderDetails order = allocated.order();
        SpecialRequests requests = order.requests() == null ? SpecialRequests.NONE : order.requests();
        return new DispatchRequested(eventId, now, allocated.orderId(), dispatch.dispatchId(), dispatch.supplierId(),
                dispatch.items(), order.shipTo(), order.customer(), order.priority(), requests, routing.packing(),
                Customs.declaration(allocated, dispatch, routing, now).orElse(null));
    }
}
