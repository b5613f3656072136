package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;

import java.math.BigDecimal;

/**
 * A way a supplier can ship an offer: the service level an order asks for (standard or
 * expedited, R4.1), what it costs per unit in the offer's currency, and how many days it takes.
 */
public record ShippingOption(Priority service, BigDecimal cost, Integer days, String carrier) {
    public ShippingOption {
        Invariants.nonNegative(cost, "cost");
    }
}
