package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.PackingInstructions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where dispatches may go (the suppliers configured here), how their parcels are branded, and the
 * country each supplier ships from (a parcel to another country needs customs data, R3.7).
 */
public record Routing(Set<String> suppliers, PackingInstructions packing, Map<String, String> countries) {
    public Routing {
        suppliers = Set.copyOf(suppliers);
        countries = countries == null ? Map.of() : Map.copyOf(countries);
    }

    public Routing(Set<String> suppliers, PackingInstructions packing) {
        this(suppliers, packing, Map.of());
    }

    Optional<String> countryOf(String supplierId) {
        return Optional.ofNullable(countries.get(supplierId));
    }
}
