package com.openfulfil.dropship.local.demo;

import com.openfulfil.dropship.events.model.OrderStatus;

/**
 * What became of one planned order: its id and last status, or why it could not be placed.
 *
 * @param status null while no status has been read (or when the order was never placed)
 */
public record OrderOutcome(PlannedOrder plan, String orderId, OrderStatus status, String failure) {

    public boolean reachedExpected() {
        return status == plan.expected();
    }

    /** The status to count it under in a summary. */
    public String label() {
        if (failure != null) {
            return "NOT PLACED";
        }
        return status == null ? "UNKNOWN" : status.name();
    }
}
