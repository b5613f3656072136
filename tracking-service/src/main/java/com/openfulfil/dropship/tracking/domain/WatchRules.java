package com.openfulfil.dropship.tracking.domain;

import java.time.Duration;

/**
 * When a parcel counts as delayed or lost.
 *
 * @param delayAfter  silence after which the customer is told the parcel is late
 * @param expireAfter silence after which the parcel is EXPIRED and a claim is opened
 * @param maxFailures failed deliveries and carrier exceptions after which a claim is opened
 */
public record WatchRules(Duration delayAfter, Duration expireAfter, int maxFailures) {
    public WatchRules {
        if (delayAfter == null || expireAfter == null || delayAfter.isNegative() || delayAfter.isZero()
                || expireAfter.compareTo(delayAfter) <= 0 || maxFailures < 1) {
            throw new IllegalArgumentException("need 0 < delayAfter < expireAfter and maxFailures >= 1, got "
                    + delayAfter + ", " + expireAfter + ", " + maxFailures);
        }
    }
}
