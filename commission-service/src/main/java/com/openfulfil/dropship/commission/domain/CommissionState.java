package com.openfulfil.dropship.commission.domain;

/**
 * Where an order's commission is, as the partner sees it (R6.3). PENDING: earned, inside the return
 * window. AVAILABLE: past the window and not yet paid (or owed back after a clawback of a paid order).
 * PAID: settled by a payout batch. REVERSED: all of it clawed back after a refund.
 */
public enum CommissionState {
    PENDING, AVAILABLE, PAID, REVERSED
}
