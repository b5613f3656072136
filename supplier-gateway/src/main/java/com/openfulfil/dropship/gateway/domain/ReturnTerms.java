package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.model.Address;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's returns (R5.2): whom and where customers send back what it shipped ({@code address} null
 * when none is configured), and the flat return shipping it is charged, by currency, for a return it pays.
 */
public record ReturnTerms(String returnTo, Address address, Map<String, BigDecimal> shippingCost) {
    public static final ReturnTerms NONE = new ReturnTerms(null, null, Map.of());

    public ReturnTerms {
        shippingCost = shippingCost == null ? Map.of() : Map.copyOf(shippingCost);
    }

    /** The return shipping charged in {@code currency}, if the agreement sets one. */
    Optional<BigDecimal> shippingCost(String currency) {
        return Optional.ofNullable(currency == null ? null : shippingCost.get(currency));
    }
}
