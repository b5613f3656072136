package com.openfulfil.dropship.events.serde;

import com.openfulfil.dropship.events.Event;

/** Reads and writes any event of the contract; the services' stream bindings use it by class name. */
public class EventSerde extends JsonSerde<Event> {
    public EventSerde() {
        super(Event.class);
    }
}
