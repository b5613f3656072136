package com.openfulfil.dropship.events.supplier;

/** What supplier-gateway sends a supplier on {@code supplier.<supplierId>.dispatch}. */
public sealed interface DispatchMessage extends SupplierMessage permits DispatchRequested, CancellationRequested {
}
