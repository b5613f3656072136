package com.openfulfil.dropship.commission.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/v1/partners/me/payout-details}: the whole details, replacing what was on file. */
record PayoutDetailsRequest(@NotBlank @Size(max = MAX) String payoutDetails) {
    static final int MAX = 500;

    /** Without the details, so a log line cannot carry them. */
    @Override
    public String toString() {
        return "PayoutDetailsRequest[...]";
    }
}
