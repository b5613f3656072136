package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;

/** Some units of one order line: {@code quantity} of line {@code lineNo}. */
public record LineQuantity(int lineNo, int quantity) {
    public LineQuantity {
        Invariants.positive(quantity, "quantity");
    }
}
