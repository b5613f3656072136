package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.PackingInstructions;

import java.util.Set;

/** Where dispatches may go (the suppliers configured here) and how their parcels are branded. */
public record Routing(Set<String> suppliers, PackingInstructions packing) {
    public Routing {
        suppliers = Set.copyOf(suppliers);
    }
}
