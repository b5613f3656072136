package com.openfulfil.dropship.order.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything order-service knows of one order: what was placed, where it stands, its history,
 * each supplier's fulfilment and parcels, the partner's commission and the customer's receipt.
 * {@code status} is null while only events that arrived before the order itself are known
 * ({@code pending}); they are applied once the order is placed.
 */
public record OrderRecord(String orderId, OrderStatus status, OrderDetails details, Instant placedAt,
                          List<HistoryEntry> history, List<String> expectedSuppliers,
                          Map<String, Fulfilment> fulfilments, Commission commission, Receipt receipt,
                          List<Event> pending) {

    public OrderRecord {
        history = history == null ? List.of() : List.copyOf(history);
        expectedSuppliers = expectedSuppliers == null ? List.of() : List.copyOf(expectedSuppliers);
        fulfilments = fulfilments == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fulfilments));
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** An order accepted at the API whose OrderPlaced has not been applied yet. */
    public static OrderRecord accepted(String orderId, OrderDetails details, Instant at) {
        return new OrderRecord(orderId, OrderStatus.PLACED, details, at,
                List.of(new HistoryEntry(OrderStatus.PLACED, at, "accepted")), null, null, null, null, null);
    }

    static OrderRecord awaiting(String orderId, Event early) {
        return new OrderRecord(orderId, null, null, null, null, null, null, null, null, List.of(early));
    }

    @JsonIgnore
    public boolean isPlaced() {
        return status != null;
    }

    OrderRecord withPending(Event early) {
        List<Event> all = new ArrayList<>(pending);
        all.add(early);
        return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, fulfilments,
                commission, receipt, all);
    }

    OrderRecord moveTo(OrderStatus next, Instant at, String reason) {
        List<HistoryEntry> all = new ArrayList<>(history);
        all.add(new HistoryEntry(next, at, reason));
        return new OrderRecord(orderId, next, details, placedAt, all, expectedSuppliers, fulfilments, commission,
                receipt, pending);
    }

    OrderRecord withExpectedSuppliers(List<String> suppliers) {
        return new OrderRecord(orderId, status, details, placedAt, history, suppliers, fulfilments, commission,
                receipt, pending);
    }

    OrderRecord withFulfilment(Fulfilment fulfilment) {
        Map<String, Fulfilment> all = new LinkedHashMap<>(fulfilments);
        all.put(fulfilment.dispatchId(), fulfilment);
        return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, all, commission,
                receipt, pending);
    }

    OrderRecord withCommission(Commission earned) {
        return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, fulfilments, earned,
                receipt, pending);
    }

    OrderRecord withReceipt(Receipt given) {
        return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, fulfilments,
                commission, given, pending);
    }

    OrderRecord withoutPending() {
        return new OrderRecord(orderId, status, details, placedAt, history, expectedSuppliers, fulfilments,
                commission, receipt, List.of());
    }
}
