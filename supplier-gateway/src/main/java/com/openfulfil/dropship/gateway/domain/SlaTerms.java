package com.openfulfil.dropship.gateway.domain;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A supplier's service levels (R3.5): how long after dispatch it has to accept and to ship, what
 * happens when it misses one, and the penalty its agreement sets (percent of the dispatch's value).
 */
public record SlaTerms(Duration acceptWithin, Duration shipWithin, Policy policy, BigDecimal penaltyPercent) {
    public static final SlaTerms DEFAULT = new SlaTerms(Duration.ofHours(24), Duration.ofHours(48), Policy.ESCALATE,
            BigDecimal.ZERO);

    /** ESCALATE: ops are alerted and take over; REROUTE: cancel at the supplier, then send to a backup. */
    public enum Policy {
        ESCALATE, REROUTE
    }
}
