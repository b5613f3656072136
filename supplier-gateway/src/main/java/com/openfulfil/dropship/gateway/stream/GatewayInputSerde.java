package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.FulfilmentEvent;
import com.openfulfil.dropship.events.supplier.GatewayCommand;

/**
 * What the gateway's order-keyed binding ({@code dispatch-in-0}) reads: allocations to dispatch, the
 * orders' transitions and changed addresses, operators' commands and other tasks' news for this task's
 * suppliers. A refused allocation is skipped by its type header, undecoded.
 */
public class GatewayInputSerde extends EventSerde {
    public GatewayInputSerde() {
        super(names(StockAllocated.class, OrderStatusChanged.class, ShippingAddressChanged.class, GatewayCommand.class,
                FulfilmentEvent.class));
    }
}
