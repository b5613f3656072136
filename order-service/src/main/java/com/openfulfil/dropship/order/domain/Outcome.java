package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;

import java.util.List;

/**
 * The order after an event, the transitions the event caused (often none), the orders it placed in
 * turn (a reship's replacement order), the commands it wrote on {@code orders.commands} (the approval of
 * a refund it accepted, an admin's or the one a lost parcel's claim settled the order with, which the
 * refund connector pays), the news that is not a transition (an address changed or refused), for
 * {@code orders.lifecycle}, and the parcels it asks tracking-service to follow (a customer's return parcel).
 */
public record Outcome(OrderRecord record, List<StatusChange> changes, List<OrderPlaced> placed,
                      List<OrderCommand> commands, List<OrderEvent> news, List<ParcelRegistered> registrations) {
    public Outcome {
        changes = List.copyOf(changes);
        placed = placed == null ? List.of() : List.copyOf(placed);
        commands = commands == null ? List.of() : List.copyOf(commands);
        news = news == null ? List.of() : List.copyOf(news);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    public Outcome(OrderRecord record, List<StatusChange> changes) {
        this(record, changes, List.of(), List.of(), List.of(), List.of());
    }
}
