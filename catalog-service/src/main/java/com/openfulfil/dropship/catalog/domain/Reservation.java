package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.OfferRef;

import java.util.List;

/**
 * Stock an order line, or the part of it split to one offer, holds at one supplier's offer, with the
 * backups it was offered.
 */
public record Reservation(String orderId, int lineNo, int quantity, OfferRef chosen, List<OfferRef> backups) {
    public Reservation {
        backups = backups == null ? List.of() : List.copyOf(backups);
    }

    boolean isFor(String order, int line) {
        return orderId.equals(order) && lineNo == line;
    }

    boolean holds(String supplierId) {
        return chosen.supplierId().equals(supplierId);
    }
}
