package com.openfulfil.dropship.events.model;

import com.openfulfil.dropship.events.Invariants;
import java.util.List;

/** The offer reserved for one order line, and the remaining offers ranked as backups. */
public record LineAllocation(int lineNo, String sku, int quantity, OfferRef chosen, List<OfferRef> backups) {
    public LineAllocation {
        Invariants.positive(quantity, "quantity");
        backups = backups == null ? List.of() : List.copyOf(backups);
    }
}
