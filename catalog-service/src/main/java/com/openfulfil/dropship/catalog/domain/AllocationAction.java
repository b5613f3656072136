package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.ShortLine;

import java.util.List;

/** What the allocation asks the world to do after a step; the stream turns each into one event. */
public sealed interface AllocationAction {

    /**
     * Ask the product's owner to reserve the line; at {@code onlySupplier}'s offer alone when set (a reroute);
     * {@code preferredSupplier}'s offer first when it can cover the line (a replacement order's line).
     */
    record Reserve(AllocationLine line, String onlySupplier, String preferredSupplier) implements AllocationAction {
        Reserve(AllocationLine line, String onlySupplier) {
            this(line, onlySupplier, null);
        }
    }

    /** Give the line's hold back. */
    record Release(AllocationLine line, String reason) implements AllocationAction {
    }

    /** The line shipped: its units leave stock. */
    record Consume(AllocationLine line) implements AllocationAction {
    }

    /** Every line is covered: the order goes on to dispatch. */
    record Allocate(List<LineAllocation> lines) implements AllocationAction {
    }

    /** Some line is short: the order is refused. */
    record Reject(List<ShortLine> shortLines) implements AllocationAction {
    }
}
