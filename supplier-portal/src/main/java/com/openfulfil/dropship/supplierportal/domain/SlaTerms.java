package com.openfulfil.dropship.supplierportal.domain;

import java.time.Duration;

/**
 * A supplier's deadlines, counted from the moment a dispatch is sent: answer (accept or refuse)
 * within {@code acceptWithin}, ship within {@code shipWithin} (R3.5, R7.1).
 */
public record SlaTerms(Duration acceptWithin, Duration shipWithin) {
    public static final SlaTerms STANDARD = new SlaTerms(Duration.ofHours(24), Duration.ofHours(48));

    public SlaTerms {
        if (acceptWithin == null || acceptWithin.isNegative() || acceptWithin.isZero()
                || shipWithin == null || shipWithin.isNegative() || shipWithin.isZero()) {
            throw new IllegalArgumentException("SLA deadlines must be positive: accept " + acceptWithin
                    + ", ship " + shipWithin);
        }
    }
}
