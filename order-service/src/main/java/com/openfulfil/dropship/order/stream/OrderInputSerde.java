package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.events.catalog.AllocationEvent;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationRefused;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchRerouted;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.EscalatedToOps;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.tracking.LostParcelClaimClosed;
import com.openfulfil.dropship.events.tracking.LostParcelClaimOpened;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;

/**
 * What the order stream applies (binding {@code orders-in-0}): the state machine's events. The rest
 * of its topics (SLA news, delays, claim filings, payouts) is skipped by its type header, undecoded.
 */
public class OrderInputSerde extends EventSerde {
    public OrderInputSerde() {
        super(names(OrderPlaced.class, AllocationEvent.class, OrderCommand.class, DispatchSent.class,
                SupplierAccepted.class, SupplierRejected.class, EscalatedToOps.class, ParcelsShipped.class,
                DispatchRerouted.class, DispatchCancelled.class, CancellationRefused.class, ParcelStatusChanged.class,
                LostParcelClaimOpened.class, LostParcelClaimClosed.class, CommissionEarned.class,
                ReturnAuthorised.class));
    }
}
