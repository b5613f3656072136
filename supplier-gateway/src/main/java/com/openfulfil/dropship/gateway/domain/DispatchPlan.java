package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OrderLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an allocated order into one dispatch per chosen supplier. A line catalog split across offers
 * is in each of their suppliers' dispatches, with the units that supplier holds.
 */
public final class DispatchPlan {

    private DispatchPlan() {
    }

    /**
     * The dispatch id is derived from order, supplier and attempt, never from the allocation event,
     * so every retry of the same dispatch carries the same idempotency key to the supplier.
     */
    public static String dispatchId(String orderId, String supplierId) {
        return dispatchId(orderId, supplierId, 1);
    }

    /** The {@code attempt}-th dispatch of the order to one supplier: a reroute to a supplier that already has a part. */
    public static String dispatchId(String orderId, String supplierId, long attempt) {
        return EventIds.derived(orderId, supplierId, Long.toString(attempt));
    }

    /** One dispatch per supplier, in the order the suppliers first appear among the lines. */
    public static List<Dispatch> split(StockAllocated allocated, Instant now) {
        Map<String, List<DispatchItem>> bySupplier = new LinkedHashMap<>();
        for (LineAllocation line : allocated.lines()) {
            bySupplier.computeIfAbsent(line.chosen().supplierId(), s -> new ArrayList<>())
                    .add(item(allocated, line));
        }
        List<Dispatch> dispatches = new ArrayList<>();
        bySupplier.forEach((supplierId, items) ->
                dispatches.add(Dispatch.sent(dispatchId(allocated.orderId(), supplierId), supplierId, items, now)));
        return List.copyOf(dispatches);
    }

    private static DispatchItem item(StockAllocated allocated, LineAllocation line) {
        return new DispatchItem(line.lineNo(), line.sku(), line.chosen().supplierSku(), title(allocated, line),
                line.quantity(), line.chosen().unitCost(), line.chosen().shippingCost(), line.chosen().currency());
    }

    /** The title the customer saw when ordering; the SKU if the order does not carry the line. */
    private static String title(StockAllocated allocated, LineAllocation line) {
        return allocated.order().lines().stream()
                .filter(l -> l.lineNo() == line.lineNo())
                .map(OrderLine::title)
                .findFirst()
                .orElse(line.sku());
    }
}
