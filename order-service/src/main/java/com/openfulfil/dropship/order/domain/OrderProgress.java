package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where fulfilment has got to, unit by unit. Before any unit ships the slowest supplier decides
 * (DISPATCHED, then ACCEPTED once every supplier has accepted). Once some units are with a carrier the
 * order is PARTIALLY_SHIPPED until every unit is, then SHIPPED, IN_TRANSIT as soon as a parcel moves;
 * PARTIALLY_DELIVERED once some units have arrived and others not, DELIVERED when every unit (and every
 * parcel) has. A parcel that names no contents holds what its dispatch had left; a dispatch stored before
 * units were counted counts as one unit, shipped with its first parcel and delivered with its last.
 */
final class OrderProgress {
    /** The fulfilment states in the order they happen. */
    static final List<OrderStatus> PROGRESSION = List.of(OrderStatus.CONFIRMED, OrderStatus.DISPATCHED,
            OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
            OrderStatus.PARTIALLY_DELIVERED, OrderStatus.DELIVERED);

    private OrderProgress() {
    }

    static boolean inProgress(OrderStatus status) {
        return PROGRESSION.contains(status) && status != OrderStatus.DELIVERED;
    }

    static int rank(OrderStatus status) {
        return PROGRESSION.indexOf(status);
    }

    /** Units of one fulfilment: dispatched, with a carrier (delivered ones included) and arrived. */
    private record Count(int dispatched, int shipped, int delivered) {
        Count plus(Count other) {
            return new Count(dispatched + other.dispatched, shipped + other.shipped, delivered + other.delivered);
        }
    }

    /** Where the order stands, from the fulfilments of the suppliers it waits for. */
    static OrderStatus reached(List<String> expectedSuppliers, Collection<Fulfilment> fulfilments) {
        if (expectedSuppliers.isEmpty()) {
            return OrderStatus.CONFIRMED;
        }
        List<Fulfilment> current = new ArrayList<>();
        OrderStatus slowest = OrderStatus.SHIPPED;
        for (String supplier : expectedSuppliers) {
            if (fulfilments.stream().anyMatch(f -> f.supplierId().equals(supplier)
                    && f.status() == FulfilmentStatus.CANCELLED)) {
                // a part cancelled while another supplier shipped anyway: the order goes on without it
                continue;
            }
            // a supplier may hold two parts of the order (its own and one rerouted to it): the slower counts
            List<Fulfilment> live = fulfilments.stream()
                    .filter(f -> f.supplierId().equals(supplier) && f.status().live()).toList();
            current.addAll(live);
            OrderStatus stage = live.stream().map(OrderProgress::stage).min(Comparator.comparingInt(OrderProgress::rank))
                    .orElse(OrderStatus.CONFIRMED);
            if (rank(stage) < rank(slowest)) {
                slowest = stage;
            }
        }
        Count units = current.stream().map(OrderProgress::count).reduce(new Count(0, 0, 0), Count::plus);
        List<ParcelStatus> parcels = current.stream().flatMap(f -> f.parcels().values().stream()).toList();
        if (units.shipped() == 0) {
            return slowest == OrderStatus.SHIPPED ? parcelsStage(parcels) : slowest;
        }
        boolean everyUnitShipped = slowest == OrderStatus.SHIPPED && units.shipped() >= units.dispatched();
        if (everyUnitShipped && units.delivered() >= units.dispatched()
                && parcels.stream().allMatch(p -> p == ParcelStatus.DELIVERED)) {
            return OrderStatus.DELIVERED;
        }
        if (units.delivered() > 0 || parcels.contains(ParcelStatus.DELIVERED)) {
            return OrderStatus.PARTIALLY_DELIVERED;
        }
        if (!everyUnitShipped) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return parcelsStage(parcels);
    }

    private static OrderStatus stage(Fulfilment fulfilment) {
        return switch (fulfilment.status()) {
            case SENT -> OrderStatus.DISPATCHED;
            case ACCEPTED -> OrderStatus.ACCEPTED;
            case SHIPPED -> OrderStatus.SHIPPED;
            case REJECTED, CANCELLED, REROUTED -> OrderStatus.CONFIRMED;
        };
    }

    /** Every unit shipped: in transit as soon as a parcel moves, delivered when every parcel is. */
    private static OrderStatus parcelsStage(List<ParcelStatus> parcels) {
        if (!parcels.isEmpty() && parcels.stream().allMatch(p -> p == ParcelStatus.DELIVERED)) {
            return OrderStatus.DELIVERED;
        }
        boolean moving = parcels.stream().anyMatch(p -> p != ParcelStatus.PENDING && p != ParcelStatus.INFO_RECEIVED);
        return moving ? OrderStatus.IN_TRANSIT : OrderStatus.SHIPPED;
    }

    /** A fulfilment's units; one stored before units were counted is one unit. */
    private static Count count(Fulfilment f) {
        if (!f.counted()) {
            boolean shipped = f.status() == FulfilmentStatus.SHIPPED && !f.parcels().isEmpty();
            boolean delivered = shipped && f.parcels().values().stream().allMatch(p -> p == ParcelStatus.DELIVERED);
            return new Count(1, shipped ? 1 : 0, delivered ? 1 : 0);
        }
        Map<Integer, int[]> lines = lines(f);
        int dispatched = f.items().values().stream().mapToInt(Integer::intValue).sum();
        int shipped = lines.values().stream().mapToInt(u -> u[0]).sum();
        int delivered = lines.values().stream().mapToInt(u -> u[1]).sum();
        return new Count(dispatched, Math.min(shipped, dispatched), Math.min(delivered, dispatched));
    }

    /**
     * A counted fulfilment's units by line: {shipped, delivered}. The parcels that name their contents count
     * as they say; those that do not hold the rest of the dispatch, delivered when all of them are.
     */
    private static Map<Integer, int[]> lines(Fulfilment f) {
        Map<Integer, int[]> lines = new LinkedHashMap<>();
        f.items().keySet().forEach(line -> lines.put(line, new int[2]));
        List<ParcelStatus> unnamed = new ArrayList<>();
        f.parcels().forEach((number, status) -> {
            List<ParcelItem> items = f.contents().get(number);
            if (items == null) {
                unnamed.add(status);
                return;
            }
            for (ParcelItem item : items) {
                int[] units = lines.computeIfAbsent(item.lineNo() == null ? 0 : item.lineNo(), l -> new int[2]);
                units[0] += item.quantity();
                units[1] += status == ParcelStatus.DELIVERED ? item.quantity() : 0;
            }
        });
        if (!unnamed.isEmpty()) {
            boolean arrived = unnamed.stream().allMatch(p -> p == ParcelStatus.DELIVERED);
            f.items().forEach((line, dispatched) -> {
                int[] units = lines.get(line);
                int rest = Math.max(0, dispatched - units[0]);
                units[0] += rest;
                units[1] += arrived ? rest : 0;
            });
        }
        return lines;
    }

    /**
     * Each order line's units: ordered, shipped, delivered, returned (see {@code returnedUnits}) and refunded (named
     * by refunds that count as paid back, at most the line's quantity).
     */
    static List<LineUnits> units(OrderRecord order) {
        List<LineUnits> moved = movedUnits(order);
        Map<Integer, Integer> returned = returnedUnits(order, moved);
        Map<Integer, Integer> refunded = order.afterSales() == null ? Map.of() : order.afterSales().refundedUnits();
        return moved.stream().map(u -> new LineUnits(u.lineNo(), u.sku(), u.ordered(), u.shipped(), u.delivered(),
                returned.getOrDefault(u.lineNo(), 0), Math.min(u.ordered(), refunded.getOrDefault(u.lineNo(), 0))))
                .toList();
    }

    /**
     * Each order line's units on their way: ordered, shipped, delivered. Counted from the live fulfilments'
     * parcels; a line whose dispatch was stored before units were counted follows its order's status.
     */
    private static List<LineUnits> movedUnits(OrderRecord order) {
        Map<Integer, int[]> counted = new LinkedHashMap<>();
        boolean uncounted = false;
        for (Fulfilment f : order.fulfilments().values()) {
            if (!f.status().live()) {
                continue;
            }
            if (!f.counted()) {
                uncounted = true;
                continue;
            }
            lines(f).forEach((line, units) -> counted.merge(line, units, (a, b) -> new int[]{a[0] + b[0], a[1] + b[1]}));
        }
        boolean allDelivered = order.deliveredAt().isPresent() || order.status() == OrderStatus.COMPLETED;
        boolean allShipped = allDelivered || (order.status() != null && rank(order.status()) >= rank(OrderStatus.SHIPPED));
        List<LineUnits> units = new ArrayList<>();
        for (OrderLine line : order.details().lines()) {
            int[] known = counted.get(line.lineNo());
            int shipped;
            int delivered;
            if (known != null) {
                shipped = known[0];
                delivered = known[1];
            } else if (uncounted) {
                shipped = allShipped ? line.quantity() : 0;
                delivered = allDelivered ? line.quantity() : 0;
            } else {
                shipped = 0;
                delivered = 0;
            }
            shipped = Math.min(shipped, line.quantity());
            units.add(new LineUnits(line.lineNo(), line.sku(), line.quantity(), shipped, Math.min(delivered, shipped)));
        }
        return units;
    }

    /**
     * Units back per order line: those of each return its supplier received, or of every return
     * authorised once the order is recorded RETURNED (ops may record a return that came back without
     * tracking); an order recorded RETURNED without any authorisation has every delivered unit back.
     * An item that names no line counts for the first line of its SKU; no line counts more than it had
     * delivered.
     */
    private static Map<Integer, Integer> returnedUnits(OrderRecord order, List<LineUnits> units) {
        AfterSales after = order.afterSales();
        Map<Integer, Integer> returned = new LinkedHashMap<>();
        if (after == null) {
            return returned;
        }
        boolean recordedReturned = after.returnedAt() != null;
        if (recordedReturned && after.returnAuthorisations().isEmpty()) {
            units.forEach(u -> returned.put(u.lineNo(), u.delivered()));
            return returned;
        }
        for (ReturnAuthorisation rma : after.returnAuthorisations()) {
            if (!rma.received() && !recordedReturned) {
                continue;
            }
            for (ParcelItem item : rma.items()) {
                Integer line = item.lineNo() != null ? item.lineNo() : order.details().lines().stream()
                        .filter(l -> l.sku().equals(item.sku())).map(OrderLine::lineNo).findFirst().orElse(null);
                if (line != null) {
                    returned.merge(line, item.quantity(), Integer::sum);
                }
            }
        }
        units.forEach(u -> returned.computeIfPresent(u.lineNo(), (line, n) -> Math.min(n, u.delivered())));
        return returned;
    }
}
