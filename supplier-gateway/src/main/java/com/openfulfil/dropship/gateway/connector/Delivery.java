package com.openfulfil.dropship.gateway.connector;

import java.util.Optional;

/**
 * How one dispatch message fared with its supplier: taken, parked (retries ran out or the supplier
 * refused it: kept on the dead-letter topic until someone retries it), or held back because the
 * supplier's circuit breaker is open (it is sent again once the breaker lets calls through).
 */
record Delivery(Outcome outcome, Optional<String> problem) {
    enum Outcome {
        DELIVERED, PARKED, HELD_BACK
    }

    static Delivery delivered() {
        return new Delivery(Outcome.DELIVERED, Optional.empty());
    }

    static Delivery parked(String problem) {
        return new Delivery(Outcome.PARKED, Optional.of(problem));
    }

    static Delivery heldBack(String problem) {
        return new Delivery(Outcome.HELD_BACK, Optional.of(problem));
    }
}
