package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;

/** Written by order-service on {@code orders.placed} and {@code orders.lifecycle}. */
public sealed interface OrderEvent extends Event, OrderScoped permits OrderPlaced, OrderStatusChanged, ShippingAddressChanged,
        AddressChangeRefused, PendingRefundFailed {
}
