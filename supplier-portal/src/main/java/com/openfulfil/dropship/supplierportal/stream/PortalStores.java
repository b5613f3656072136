package com.openfulfil.dropship.supplierportal.stream;

/** The supplier portal's state store. */
public final class PortalStores {
    /** {@code <supplierId>/<dispatchId>} → {@code PortalDispatch}, for the suppliers the portal serves. */
    public static final String DISPATCHES = "supplier-portal-dispatches";

    private PortalStores() {
    }
}
