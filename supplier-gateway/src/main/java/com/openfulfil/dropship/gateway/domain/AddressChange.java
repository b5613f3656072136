package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.OrderDetails;

/**
 * An order's address changed before its stock was reserved (order-service allows nothing later). The
 * reservation carries the order as it was placed, so the dispatches are built from it shipping to the
 * new address instead: the supplier's instruction, its customs declaration and any later reroute.
 */
public final class AddressChange {
    private AddressChange() {
    }

    public static StockAllocated shippingTo(StockAllocated allocated, Address shipTo) {
        OrderDetails o = allocated.order();
        if (o == null || shipTo.equals(o.shipTo())) {
            return allocated;
        }
        return new StockAllocated(allocated.eventId(), allocated.occurredAt(), allocated.orderId(), o.withShipTo(shipTo),
                allocated.lines());
    }
}
