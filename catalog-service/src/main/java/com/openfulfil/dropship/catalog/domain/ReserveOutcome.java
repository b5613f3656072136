package com.openfulfil.dropship.catalog.domain;

/** The answer to a reservation request for one order line. */
public sealed interface ReserveOutcome {

    /** The line holds {@code reservation}; {@code product} is the product with it (unchanged on a replay). */
    record Reserved(Product product, Reservation reservation) implements ReserveOutcome {
    }

    /** No single offer can cover the line; {@code available} is the best one offer could give. */
    record Unavailable(int available, boolean listed) implements ReserveOutcome {
    }

    static ReserveOutcome noSuchProduct() {
        return new Unavailable(0, false);
    }
}
