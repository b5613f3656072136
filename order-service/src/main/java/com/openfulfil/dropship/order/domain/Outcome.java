package com.openfulfil.dropship.order.domain;

import java.util.List;

/** The order after an event, and the transitions the event caused (often none). */
public record Outcome(OrderRecord record, List<StatusChange> changes) {
    public Outcome {
        changes = List.copyOf(changes);
    }
}
