package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.model.Priority;

/** What the confirmation promises: delivery within this many days, by the order's service level. */
public record ExpectedDays(int standard, int expedited) {
    public ExpectedDays {
        if (standard < 1 || expedited < 1) {
            throw new IllegalArgumentException("expected days must be at least 1");
        }
    }

    public int of(Priority priority) {
        return priority == Priority.EXPEDITED ? expedited : standard;
    }
}
