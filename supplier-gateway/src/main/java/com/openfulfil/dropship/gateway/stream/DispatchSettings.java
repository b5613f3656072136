package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.gateway.domain.ReturnTerms;
import com.openfulfil.dropship.gateway.domain.Routing;
import com.openfulfil.dropship.gateway.domain.SlaTerms;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the dispatch processor needs from configuration: who it may send to, how parcels are
 * branded, each supplier's service levels (the defaults for one not listed), how often the
 * deadlines are checked, the country each supplier ships from, and where its returns go.
 */
public record DispatchSettings(Set<String> suppliers, PackingInstructions packing, Map<String, SlaTerms> slas,
                               Duration deadlineCheck, Map<String, String> countries, Map<String, ReturnTerms> returns) {
    public DispatchSettings {
        suppliers = Set.copyOf(suppliers);
        slas = Map.copyOf(slas);
        countries = countries == null ? Map.of() : Map.copyOf(countries);
        returns = returns == null ? Map.of() : Map.copyOf(returns);
    }

    public DispatchSettings(Set<String> suppliers, PackingInstructions packing, Map<String, SlaTerms> slas,
                            Duration deadlineCheck, Map<String, String> countries) {
        this(suppliers, packing, slas, deadlineCheck, countries, Map.of());
    }

    /** The same settings with each supplier's returns, by id. */
    public DispatchSettings withReturns(Map<String, ReturnTerms> bySupplier) {
        return new DispatchSettings(suppliers, packing, slas, deadlineCheck, countries, bySupplier);
    }

    /** A supplier not configured with returns has neither an address nor a charge. */
    ReturnTerms returns(String supplierId) {
        return returns.getOrDefault(supplierId, ReturnTerms.NONE);
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
