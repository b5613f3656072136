package com.openfulfil.dropship.events.supplier;

/** What a supplier reports on {@code supplier.<supplierId>.updates} (or through the HTTP API). */
public sealed interface SupplierUpdate extends SupplierMessage
        permits DispatchAccepted, DispatchRejected, DispatchShipped, CancellationAccepted, CancellationRejected {
}
