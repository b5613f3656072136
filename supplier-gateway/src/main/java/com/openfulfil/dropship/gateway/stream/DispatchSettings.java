package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.gateway.domain.Routing;
import com.openfulfil.dropship.gateway.domain.SlaTerms;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the dispatch processor needs from configuration: who it may send to, how parcels are
 * branded, each supplier's service levels (the defaults for one not listed), how often the
 * deadlines are checked, and the country each supplier ships from.
 */
public record DispatchSettings(Set<String> suppliers, PackingInstructions packing, Map<String, SlaTerms> slas,
                               Duration deadlineCheck, Map<String, String> countries) {
    public DispatchSettings {
        suppliers = Set.copyOf(suppliers);
        slas = Map.copyOf(slas);
        countries = countries == null ? Map.of() : Map.copyOf(countries);
    }

    public DispatchSettings(Set<String> suppliers, PackingInstructions packing, Map<String, SlaTerms> slas,
                            Duration deadlineCheck) {
        this(suppliers, packing, slas, deadlineCheck, Map.of());
    }

    public DispatchSettings(Set<String> suppliers, PackingInstructions packing) {
        this(suppliers, packing, Map.of(), Duration.ofMinutes(1));
    }

    SlaTerms sla(String supplierId) {
        return slas.getOrDefault(supplierId, SlaTerms.DEFAULT);
    }

    Routing routing() {
        return new Routing(suppliers, packing, countries);
    }
}
