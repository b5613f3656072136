package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.order.OrderPlaced;

import java.util.List;

/**
 * The order after an event, the transitions the event caused (often none), and the orders it
 * placed in turn (a reship's replacement order).
 */
public record Outcome(OrderRecord record, List<StatusChange> changes, List<OrderPlaced> placed) {
    public Outcome {
        changes = List.copyOf(changes);
        placed = placed == null ? List.of() : List.copyOf(placed);
    }

    public Outcome(OrderRecord record, List<StatusChange> changes) {
        this(record, changes, List.of());
    }
}
