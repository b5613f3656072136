package com.openfulfil.dropship.commission.domain;

import java.time.Instant;

/**
 * Where a partner is paid, as anyone but the payout itself sees it: masked, with when it was last set.
 * {@code masked} shows the last 4 characters of the details (spaces ignored), and only when they are
 * at least 8 long, so never more than half of them.
 */
public record PayoutDestination(String masked, Instant updatedAt) {
    static final String HIDDEN = "****";
    private static final int SHOWN = 4;

    public static PayoutDestination of(String details, Instant updatedAt) {
        return new PayoutDestination(mask(details), updatedAt);
    }

    static String mask(String details) {
        String compact = details.replaceAll("\\s+", "");
        return compact.length() < 2 * SHOWN ? HIDDEN : HIDDEN + compact.substring(compact.length() - SHOWN);
    }
}
