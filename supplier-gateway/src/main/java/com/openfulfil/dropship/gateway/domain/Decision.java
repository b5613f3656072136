package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;

import java.util.List;
import java.util.Optional;

/**
 * What one input did to an order's dispatches: the state to keep and the events to write, or
 * why the input changed nothing: a replay, an unknown dispatch, a late answer ({@code ignoredBecause}),
 * or a supplier's message that contradicts its dispatch ({@code refusedBecause}: shipping more than was
 * dispatched, or an item that was not), which the supplier must hear of.
 */
public record Decision(OrderDispatches state, List<Event> events, Optional<String> ignoredBecause,
                       Optional<String> refusedBecause) {

    public Decision {
        events = List.copyOf(events);
    }

    static Decision emit(OrderDispatches state, List<Event> events) {
        return new Decision(state, events, Optional.empty(), Optional.empty());
    }

    static Decision ignore(OrderDispatches state, String reason) {
        return new Decision(state, List.of(), Optional.of(reason), Optional.empty());
    }

    static Decision refuse(OrderDispatches state, String reason) {
        return new Decision(state, List.of(), Optional.of(reason), Optional.of(reason));
    }

    public boolean changed() {
        return ignoredBecause.isEmpty();
    }
}
