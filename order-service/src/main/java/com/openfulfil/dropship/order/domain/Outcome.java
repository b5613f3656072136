package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.order.OrderPlaced;

import java.util.List;

/**
 * The order after an event, the transitions the event caused (often none), the orders it placed in
 * turn (a reship's replacement order) and the commands it asked for (a refund for the payment
 * provider, when a lost parcel's claim settled the order with one) and the news that is not a
 * transition (an address changed or refused), for {@code orders.lifecycle}.
 */
public record Outcome(OrderRecord record, List<StatusChange> changes, List<OrderPlaced> placed,
                      List<OrderCommand> commands, List<OrderEvent> news) {
    public Outcome {
        changes = List.copyOf(changes);
        placed = placed == null ? List.of() : List.copyOf(placed);
        commands = commands == null ? List.of() : List.copyOf(commands);
        news = news == null ? List.of() : List.copyOf(news);
    }

    public Outcome(OrderRecord record, List<StatusChange> changes) {
        this(record, changes, List.of(), List.of(), List.of());
    }
}
