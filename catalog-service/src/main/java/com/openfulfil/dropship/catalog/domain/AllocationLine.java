package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.ShortLine;

import java.util.List;

/** One order line in the allocation: its status, the offer holding it, and how much was there when short. */
public record AllocationLine(int lineNo, String sku, int quantity, LineStatus status, OfferRef chosen,
                             List<OfferRef> backups, int available) {
    public AllocationLine {
        backups = backups == null ? List.of() : List.copyOf(backups);
    }

    static AllocationLine asked(OrderLine line) {
        return new AllocationLine(line.lineNo(), line.sku(), line.quantity(), LineStatus.ASKED, null, List.of(), 0);
    }

    AllocationLine reserved(OfferRef offer, List<OfferRef> others) {
        return new AllocationLine(lineNo, sku, quantity, LineStatus.RESERVED, offer, others, 0);
    }

    AllocationLine shortOf(int availableStock) {
        return new AllocationLine(lineNo, sku, quantity, LineStatus.SHORT, null, List.of(), availableStock);
    }

    /** Moving to {@code offer} after the supplier holding it gave the line up: asked again, at that offer. */
    AllocationLine movingTo(OfferRef offer, List<OfferRef> others) {
        return new AllocationLine(lineNo, sku, quantity, LineStatus.ASKED, offer, others, 0);
    }

    AllocationLine with(LineStatus next) {
        return new AllocationLine(lineNo, sku, quantity, next, chosen, backups, available);
    }

    boolean heldBy(String supplierId) {
        return status == LineStatus.RESERVED && chosen != null && chosen.supplierId().equals(supplierId);
    }

    LineAllocation allocation() {
        return new LineAllocation(lineNo, sku, quantity, chosen, backups);
    }

    ShortLine shortLine() {
        return new ShortLine(lineNo, sku, quantity, available);
    }
}
