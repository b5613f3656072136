package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a supplier did with the dispatches it was sent, counted from {@code fulfilment.events}. */
public record SupplierTally(String supplierId, long dispatched, long accepted, long rejected, long shipped,
                            long cancelled) {

    public static SupplierTally none(String supplierId) {
        return new SupplierTally(supplierId, 0, 0, 0, 0, 0);
    }

    public SupplierTally with(FulfilmentEvent event) {
        if (event instanceof DispatchSent) {
            return new SupplierTally(supplierId, dispatched + 1, accepted, rejected, shipped, cancelled);
        }
        if (event instanceof SupplierAccepted) {
            return new SupplierTally(supplierId, dispatched, accepted + 1, rejected, shipped, cancelled);
        }
        if (event instanceof SupplierRejected) {
            return new SupplierTally(supplierId, dispatched, accepted, rejected + 1, shipped, cancelled);
        }
        if (event instanceof ParcelsShipped) {
            return new SupplierTally(supplierId, dispatched, accepted, rejected, shipped + 1, cancelled);
        }
        if (event instanceof DispatchCancelled) {
            return new SupplierTally(supplierId, dispatched, accepted, rejected, shipped, cancelled + 1);
        }
        // a refused cancellation changes none of the counts
        return this;
    }

    public SupplierTally plus(SupplierTally other) {
        return new SupplierTally(supplierId, dispatched + other.dispatched, accepted + other.accepted,
                rejected + other.rejected, shipped + other.shipped, cancelled + other.cancelled);
    }

    /** Share of answered dispatches the supplier rejected, 0 to 1. */
    public double rejectionRate() {
        long answered = accepted + rejected;
        return answered == 0 ? 0 : (double) rejected / answered;
    }

    /** Tallies of the same supplier from several stream tasks, added up. */
    public static List<SupplierTally> merged(Iterable<SupplierTally> partial) {
        Map<String, SupplierTally> sums = new TreeMap<>();
        partial.forEach(t -> sums.merge(t.supplierId(), t, SupplierTally::plus));
        return List.copyOf(sums.values());
    }
}
