package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.util.List;

/**
 * The offer reserved for one order line, and the remaining offers ranked as backups. A line no single
 * offer could cover is split: it appears once per offer holding part of it, each time with the same
 * {@code lineNo}, its part's {@code quantity} and that offer as {@code chosen}; every part's backups
 * leave out the offers that hold the line's other parts.
 */
public record LineAllocation(int lineNo, String sku, int quantity, OfferRef chosen, List<OfferRef> backups) {
    public LineAllocation {
        Invariants.positive(quantity, "quantity");
        backups = backups == null ? List.of() : List.copyOf(backups);
    }
}
