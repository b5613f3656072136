package com.openfulfil.dropship.catalog.domain;

import java.util.List;

/** The answer to a reservation request for one order line. */
public sealed interface ReserveOutcome {

    /**
     * The line holds {@code parts}: one reservation when a single offer covers it, else one per offer
     * it was split across, in ranking order; {@code product} is the product with them.
     */
    record Reserved(Product product, List<Reservation> parts) implements ReserveOutcome {
        public Reserved {
            parts = List.copyOf(parts);
        }
    }

    /** The offers together cannot cover the line; {@code available} is what they could give. */
    record Unavailable(int available, boolean listed) implements ReserveOutcome {
    }

    static ReserveOutcome noSuchProduct() {
        return new Unavailable(0, false);
    }
}
