package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.OrderScoped;

/** Messages between the retailer and its suppliers, and their normalised form. All keyed by orderId. */
public sealed interface SupplierMessage extends Event, OrderScoped
        permits DispatchMessage, SupplierUpdate, FulfilmentEvent, GatewayCommand {
    String dispatchId();

    String supplierId();
}
