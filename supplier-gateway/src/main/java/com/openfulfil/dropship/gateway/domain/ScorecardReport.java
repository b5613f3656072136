package com.openfulfil.dropship.gateway.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's scorecard as suppliers and the retailer's pages read it: the counts, and each figure
 * with the target of R3.6 where there is one (on time at least 95 %, wrong or missing items at most
 * 2 %, accepted within 24 hours) and whether it is met. A figure with no data yet is null, and so
 * is whether it is met.
 */
public record ScorecardReport(String supplierId, Instant asOf, long dispatches, long shipped, long rejected,
                              long slaBreaches, List<Metric> metrics) {
    static final double ON_TIME_TARGET = 0.95;
    static final double ERROR_TARGET = 0.02;
    static final double ACCEPT_HOURS_TARGET = 24;

    public ScorecardReport {
        metrics = List.copyOf(metrics);
    }

    public enum Comparison {
        AT_LEAST, AT_MOST
    }

    /** Nulls are written out: the page shows "no data yet" and "no target" from them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Metric(String key, String label, Double value, String unit, Double target, Comparison comparison,
                         Boolean met) {
        static Metric of(String key, String label, Optional<Double> value, String unit, Double target,
                         Comparison comparison) {
            Double rounded = value.map(v -> round(v, unit.equals(RATIO) ? 4 : 2)).orElse(null);
            Boolean met = rounded == null || target == null ? null
                    : comparison == Comparison.AT_LEAST ? rounded >= target : rounded <= target;
            return new Metric(key, label, rounded, unit, target, target == null ? null : comparison, met);
        }
    }

    private static final String RATIO = "ratio";
    private static final String HOURS = "hours";

    public static ScorecardReport of(Scorecard card, Instant asOf) {
        return new ScorecardReport(card.supplierId(), asOf, card.dispatches(), card.shipped(), card.rejected(),
                card.slaBreaches(), List.of(
                Metric.of("onTimeShipmentRate", "On-time shipment rate", card.onTimeShipmentRate(), RATIO,
                        ON_TIME_TARGET, Comparison.AT_LEAST),
                Metric.of("rejectionRate", "Rejection rate", card.rejectionRate(), RATIO, null, Comparison.AT_MOST),
                Metric.of("errorRate", "Error rate (wrong or missing items)", card.errorRate(), RATIO, ERROR_TARGET,
                        Comparison.AT_MOST),
                Metric.of("acceptHoursMedian", "Time to accept, median", card.acceptHours(0.5), HOURS,
                        ACCEPT_HOURS_TARGET, Comparison.AT_MOST),
                Metric.of("acceptHoursP90", "Time to accept, 90th percentile", card.acceptHours(0.9), HOURS,
                        ACCEPT_HOURS_TARGET, Comparison.AT_MOST),
                Metric.of("shipHoursMedian", "Time to ship, median", card.shipHours(0.5), HOURS, null,
                        Comparison.AT_MOST),
                Metric.of("shipHoursP90", "Time to ship, 90th percentile", card.shipHours(0.9), HOURS, null,
                        Comparison.AT_MOST)));
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
