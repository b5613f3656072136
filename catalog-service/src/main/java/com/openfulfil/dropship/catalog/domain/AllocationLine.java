package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.ShortLine;

import java.util.List;

/**
 * One order line in the allocation, or one part of it: its status, the offer holding it, and how much
 * was there when short. A line split across offers is one entry per part, each with its own quantity
 * and offer; while part of it is still asked for, that part is an entry of its own without an offer.
 * A part moving to a backup keeps the backup's offer while it is asked for there.
 */
public record AllocationLine(int lineNo, String sku, int quantity, LineStatus status, OfferRef chosen,
                             List<OfferRef> backups, int available) {
    public AllocationLine {
        backups = backups == null ? List.of() : List.copyOf(backups);
    }

    static AllocationLine asked(OrderLine line) {
        return new AllocationLine(line.lineNo(), line.sku(), line.quantity(), LineStatus.ASKED, null, List.of(), 0);
    }

    /** {@code units} of this entry held at {@code offer}. */
    AllocationLine reserved(int units, OfferRef offer, List<OfferRef> others) {
        return new AllocationLine(lineNo, sku, units, LineStatus.RESERVED, offer, others, 0);
    }

    /** What is still asked for once {@code units} of this entry are held elsewhere. */
    AllocationLine less(int units) {
        return new AllocationLine(lineNo, sku, quantity - units, status, chosen, backups, available);
    }

    /** Short, with what there was; a part asked for at a backup keeps the backup's offer. */
    AllocationLine shortOf(int availableStock) {
        return new AllocationLine(lineNo, sku, quantity, LineStatus.SHORT, chosen, List.of(), availableStock);
    }

    /** Moving to {@code offer} after the supplier holding it gave the line up: asked again, at that offer. */
    AllocationLine movingTo(OfferRef offer, List<OfferRef> others) {
        return new AllocationLine(lineNo, sku, quantity, LineStatus.ASKED, offer, others, 0);
    }

    AllocationLine with(LineStatus next) {
        return new AllocationLine(lineNo, sku, quantity, next, chosen, backups, available);
    }

    boolean heldBy(String supplierId) {
        return status == LineStatus.RESERVED && at(supplierId);
    }

    /** Whether this entry names {@code supplierId}'s offer (held there, asked for there, or was). */
    boolean at(String supplierId) {
        return chosen != null && chosen.supplierId().equals(supplierId);
    }

    LineAllocation allocation() {
        return new LineAllocation(lineNo, sku, quantity, chosen, backups);
    }

    ShortLine shortLine() {
        return new ShortLine(lineNo, sku, quantity, available);
    }
}
