package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.gateway.domain.Routing;

import java.util.Set;

/** What the dispatch processor needs from configuration: who it may send to, and how parcels are branded. */
public record DispatchSettings(Set<String> suppliers, PackingInstructions packing) {
    public DispatchSettings {
        suppliers = Set.copyOf(suppliers);
    }

    Routing routing() {
        return new Routing(suppliers, packing);
    }
}
