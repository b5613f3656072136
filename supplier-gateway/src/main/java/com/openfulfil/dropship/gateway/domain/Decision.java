package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.Event;

import java.util.List;
import java.util.Optional;

/**
 * What one input did to an order's dispatches: the state to keep and the events to write, or
 * why the input changed nothing (a replay, an unknown dispatch, a late answer).
 */
public record Decision(OrderDispatches state, List<Event> events, Optional<String> ignoredBecause) {

    public Decision {
        events = List.copyOf(events);
    }

    static Decision emit(OrderDispatches state, List<Event> events) {
        return new Decision(state, events, Optional.empty());
    }

    static Decision ignore(OrderDispatches state, String reason) {
        return new Decision(state, List.of(), Optional.of(reason));
    }

    public boolean changed() {
        return ignoredBecause.isEmpty();
    }
}
