package com.openfulfil.dropship.events.model;

/**
 * Who pays for sending a return back (R5.2): the supplier for a quality problem
 * ({@link ReturnReason#supplierPaysReturn()}), the customer for a change of mind.
 */
public enum ReturnPayer {
    SUPPLIER, CUSTOMER;

    public static ReturnPayer of(ReturnReason reason) {
        return reason != null && reason.supplierPaysReturn() ? SUPPLIER : CUSTOMER;
    }
}
