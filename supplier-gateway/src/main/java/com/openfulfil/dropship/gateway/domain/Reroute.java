package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves a given-up dispatch's lines to the best backup offers the allocation ranked for them (R3.2):
 * per line the first backup at a configured supplier that has not had the line before, with the units
 * the dispatch held. A line split across suppliers moves only the part this dispatch held, and never to
 * a supplier that has (or had) another part of it. The lines going to one backup supplier make one new
 * dispatch, with its own dispatchId. All lines move or none: a line with no backup left means the order
 * needs a person.
 */
final class Reroute {
    private Reroute() {
    }

    static Optional<Decision> of(OrderDispatches state, Dispatch from, Routing routing, String causeId,
                                 String reason, Instant now) {
        Map<String, List<LineAllocation>> byBackup = new LinkedHashMap<>();
        for (DispatchItem item : from.items()) {
            Optional<LineAllocation> moved = next(state, item, routing.suppliers());
            if (moved.isEmpty()) {
                return Optional.empty();
            }
            byBackup.computeIfAbsent(moved.get().chosen().supplierId(), s -> new ArrayList<>()).add(moved.get());
        }
        List<Dispatch> all = new ArrayList<>(state.dispatches());
        List<Event> events = new ArrayList<>();
        byBackup.forEach((supplierId, lines) -> {
            long attempt = all.stream().filter(d -> d.supplierId().equals(supplierId)).count() + 1;
            Dispatch next = Dispatch.sent(DispatchPlan.dispatchId(state.orderId(), supplierId, attempt), supplierId,
                    lines.stream().map(line -> item(from, line)).toList(), now);
            all.add(next);
            events.add(new DispatchRerouted(EventIds.derived(causeId, "rerouted", supplierId), now, state.orderId(),
                    from.dispatchId(), from.supplierId(), next.dispatchId(), supplierId, lines, reason));
            events.add(OrderDispatches.request(state.allocation(), next, routing,
                    EventIds.derived(next.dispatchId(), "DispatchRequested"), now));
            events.add(new DispatchSent(EventIds.derived(next.dispatchId(), "DispatchSent"), now, state.orderId(),
                    next.dispatchId(), supplierId, next.items()));
        });
        return Optional.of(Decision.emit(state.withDispatches(all), events));
    }

    /**
     * The dispatch's units of a line with their next backup chosen and the backups still left after it.
     * Every part of a split line was ranked the same backups (the offers holding none of it).
     */
    private static Optional<LineAllocation> next(OrderDispatches state, DispatchItem item, Set<String> configured) {
        int lineNo = item.lineNo();
        List<LineAllocation> parts = state.allocation().lines().stream().filter(l -> l.lineNo() == lineNo).toList();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Set<String> tried = state.dispatches().stream()
                .filter(d -> d.items().stream().anyMatch(i -> i.lineNo() == lineNo))
                .map(Dispatch::supplierId).collect(Collectors.toSet());
        Set<String> ranked = new HashSet<>();
        List<OfferRef> left = parts.stream().flatMap(p -> p.backups().stream())
                .filter(o -> !tried.contains(o.supplierId()) && configured.contains(o.supplierId()))
                .filter(o -> ranked.add(o.supplierId())).toList();
        return left.isEmpty() ? Optional.empty() : Optional.of(new LineAllocation(lineNo, item.sku(),
                item.quantity(), left.get(0), left.subList(1, left.size())));
    }

    /** The same line as the customer ordered it, at the backup's SKU and cost. */
    private static DispatchItem item(Dispatch from, LineAllocation line) {
        DispatchItem before = from.items().stream().filter(i -> i.lineNo() == line.lineNo()).findFirst().orElseThrow();
        return new DispatchItem(line.lineNo(), line.sku(), line.chosen().supplierSku(), before.title(),
                line.quantity(), line.chosen().unitCost(), line.chosen().shippingCost(), line.chosen().currency());
    }
}
