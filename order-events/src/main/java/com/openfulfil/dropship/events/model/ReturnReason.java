package com.openfulfil.dropship.events.model;

/**
 * Why a customer sends something back (R5.1-R5.3). The supplier bears the return shipping for a
 * quality problem; the customer for a change of mind (R5.2).
 */
public enum ReturnReason {
    DAMAGED, WRONG_ITEM, MISSING_ITEM, NOT_AS_DESCRIBED, CHANGED_MIND, LOST;

    public boolean supplierPaysReturn() {
        return this != CHANGED_MIND;
    }

    /** Wrong or missing items: the supplier picked or packed badly, which its error rate counts (R3.6). */
    public boolean isPickingError() {
        return this == WRONG_ITEM || this == MISSING_ITEM;
    }
}
