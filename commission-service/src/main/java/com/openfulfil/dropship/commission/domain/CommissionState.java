package com.openfulfil.dropship.commission.domain;

/** Where a commission is in its life; clawback (REVERSED) and payouts (PAID_OUT) come with the partner programme. */
public enum CommissionState {
    EARNED
}
