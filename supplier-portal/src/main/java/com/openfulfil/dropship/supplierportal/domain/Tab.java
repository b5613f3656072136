package com.openfulfil.dropship.supplierportal.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The lists of the portal's dispatches page; each dispatch is on exactly one. */
public enum Tab {
    NEW, ACCEPTED, OVERDUE, SHIPPED, CLOSED;

    /** Open and past its current deadline, or recorded by the gateway as having missed it, is overdue. */
    public static Tab of(PortalDispatch dispatch, SlaTerms terms, Instant now) {
        Optional<SlaClock> clock = SlaClock.of(dispatch, terms, now);
        if (clock.isPresent() && (clock.get().isOverdue() || dispatch.breached(clock.get().deadline()))) {
            return OVERDUE;
        }
        return switch (dispatch.stage()) {
            case NEW -> NEW;
            case ACCEPTED -> ACCEPTED;
            case SHIPPED -> SHIPPED;
            case REJECTED, CANCELLED, REROUTED -> CLOSED;
        };
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tab> fromParam(String value) {
        for (Tab tab : values()) {
            if (tab.param().equals(value)) {
                return Optional.of(tab);
            }
        }
        return Optional.empty();
    }
}
