package com.openfulfil.dropship.catalog.domain;

import java.util.List;

/** The allocation after a step, and what it asks for. */
public record AllocationStep(OrderAllocation state, List<AllocationAction> actions) {
    public AllocationStep {
        actions = List.copyOf(actions);
    }
}
