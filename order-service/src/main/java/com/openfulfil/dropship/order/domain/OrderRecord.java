package com.openfulfil.dropship.order.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything order-service knows of one order: what was placed, where it stands, its history,
 * each supplier's fulfilment and parcels, the partner's commission, the customer's receipt and
 * what happened after delivery, and the replacement orders that reshipped some of its units.
 * {@code status} is null while only events that arrived before the
 * order itself are known ({@code pending}); they are applied once the order is placed.
 */
public record OrderRecord(String orderId, OrderStatus status, OrderDetails details, Instant placedAt,
                          List<HistoryEntry> history, List<String> expectedSuppliers,
                          Map<String, Fulfilment> fulfilments, Commission commission, Receipt receipt,
                          List<Event> pending, AfterSales afterSales, List<Replacement> replacements) {

    public OrderRecord {
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
        history = history == null ? List.of() : List.copyOf(history);
        expectedSuppliers = expectedSuppliers == null ? List.of() : List.copyOf(expectedSuppliers);
        fulfilments = fulfilments == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fulfilments));
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** An order accepted at the API whose OrderPlaced has not been applied yet. */
    public static OrderRecord accepted(String orderId, OrderDetails details, Instant at) {
        return new OrderRecord(orderId, OrderStatus.PLACED, details, at,
                List.of(new HistoryEntry(OrderStatus.PLACED, at, "accepted")), null, null, null, null, null, null, null);
    }

    static OrderRecord placed(String orderId, OrderDetails details, Instant at) {
        return new OrderRecord(orderId, null, details, at, null, null, null, null, null, null, null, null);
    }

    static OrderRecord awaiting(String orderId, Event early) {
        return new OrderRecord(orderId, null, null, null, null, null, null, null, null, List.of(early), null, null);
    }

    @JsonIgnore
    public boolean isPlaced() {
        return status != null;
    }

    /** When the order was last delivered, if it was. */
    public Optional<Instant> deliveredAt() {
        return history.stream().filter(h -> h.status() == OrderStatus.DELIVERED).map(HistoryEntry::at)
                .reduce((first, last) -> last);
    }

    /** Each line's units: ordered, shipped (delivered ones included), delivered, returned and refunded. */
    public List<LineUnits> units() {
        return OrderProgress.units(this);
    }

    OrderRecord withPending(Event early) {
        List<Event> all = new ArrayList<>(pending);
        all.add(early);
        return with(b -> b.pending = all);
    }

    OrderRecord moveTo(OrderStatus next, Instant at, String reason) {
        List<HistoryEntry> all = new ArrayList<>(history);
        all.add(new HistoryEntry(next, at, reason));
        return with(b -> {
            b.status = next;
            b.history = all;
        });
    }

    OrderRecord withHistoryEntry(HistoryEntry entry) {
        List<HistoryEntry> all = new ArrayList<>(history);
        all.add(entry);
        return with(b -> b.history = all);
    }

    /** The order as placed, shipping to {@code shipTo} instead. */
    OrderRecord withShipTo(Address shipTo) {
        OrderDetails moved = details.withShipTo(shipTo);
        return with(b -> b.details = moved);
    }

    OrderRecord withExpectedSuppliers(List<String> suppliers) {
        return with(b -> b.expectedSuppliers = suppliers);
    }

    OrderRecord withFulfilment(Fulfilment fulfilment) {
        Map<String, Fulfilment> all = new LinkedHashMap<>(fulfilments);
        all.put(fulfilment.dispatchId(), fulfilment);
        return with(b -> b.fulfilments = all);
    }

    OrderRecord withCommission(Commission earned) {
        return with(b -> b.commission = earned);
    }

    OrderRecord withReceipt(Receipt given) {
        return with(b -> b.receipt = given);
    }

    OrderRecord withAfterSales(AfterSales after) {
        return with(b -> b.afterSales = after);
    }

    public AfterSales afterSalesOrNone() {
        return afterSales == null ? AfterSales.none() : afterSales;
    }

    OrderRecord withReplacement(Replacement replacement) {
        List<Replacement> all = new ArrayList<>(replacements);
        all.add(replacement);
        return with(b -> b.replacements = all);
    }

    OrderRecord withoutPending() {
        return with(b -> b.pending = List.of());
    }

    private OrderRecord with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** One field changed at a time, the others kept: the record has too many for copy constructors. */
    private static final class Builder {
        private final String orderId;
        private OrderStatus status;
        private OrderDetails details;
        private final Instant placedAt;
        private List<HistoryEntry> history;
        private List<String> expectedSuppliers;
        private Map<String, Fulfilment> fulfilments;
        private Commission commission;
        private Receipt receipt;
        private List<Event> pending;
        private AfterSales afterSales;
        private List<Replacement> replacements;

        Builder(OrderRecord r) {
            orderId = r.orderId;
            status = r.status;
            details = r.details;
            placedAt = r.placedAt;
            history = r.history;
            expectedSuppliers = r.expectedSuppliers;
            fulfilments = r.fulfilments;
            commission = r.commission;
            receipt = r.receipt;
            pending = r.pending;
            afterSales = r.afterSales;
            replacements = r.replacements;
        }

        OrderRecord build() {
            return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, fulfilments,
                    commission, receipt, pending, afterSales, replacements);
        }
    }
}
