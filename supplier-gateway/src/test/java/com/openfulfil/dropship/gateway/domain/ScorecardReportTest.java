package com.openfulfil.dropship.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The scorecard's figures and R3.6's targets, as the supplier page reads them. */
class ScorecardReportTest {
    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void withNoDataEveryFigureAndVerdictIsNullButTheTargetsAreThere() {
        ScorecardReport report = ScorecardReport.of(Scorecard.empty("lyon-linen"), NOW);

        assertThat(report.dispatches()).isZero();
        assertThat(report.metrics()).extracting(ScorecardReport.Metric::key, ScorecardReport.Metric::value,
                ScorecardReport.Metric::unit, ScorecardReport.Metric::target, ScorecardReport.Metric::comparison,
                ScorecardReport.Metric::met).containsExactly(
                tuple("onTimeShipmentRate", null, "ratio", 0.95, ScorecardReport.Comparison.AT_LEAST, null),
                tuple("rejectionRate", null, "ratio", null, null, null),
                tuple("errorRate", null, "ratio", 0.02, ScorecardReport.Comparison.AT_MOST, null),
                tuple("acceptHoursMedian", null, "hours", 24.0, ScorecardReport.Comparison.AT_MOST, null),
                tuple("acceptHoursP90", null, "hours", 24.0, ScorecardReport.Comparison.AT_MOST, null),
                tuple("shipHoursMedian", null, "hours", null, null, null),
                tuple("shipHoursP90", null, "hours", null, null, null));
    }

    @Test
    void percentilesAreNearestRankAndTargetsAreMetAtTheirBoundary() {
        // accept times of 20 dispatches: 18 within an hour, one at exactly 24 h, one at 30 h
        Scorecard card = new Scorecard("lyon-linen", 20, 20, 20, 0, 20, 19, 1, 0, 1,
                Map.of(30L, 18L, 1440L, 1L, 1800L, 1L), Map.of(600L, 20L));

        ScorecardReport report = ScorecardReport.of(card, NOW);

        assertThat(report.metrics()).extracting(ScorecardReport.Metric::key, ScorecardReport.Metric::value,
                ScorecardReport.Metric::met).contains(
                tuple("onTimeShipmentRate", 0.95, true),
                tuple("errorRate", 0.0, true),
                tuple("acceptHoursMedian", 0.5, true),
                tuple("acceptHoursP90", 0.5, true),
                tuple("shipHoursP90", 10.0, null));
        Scorecard slower = new Scorecard("lyon-linen", 10, 10, 10, 0, 0, 0, 0, 0, 0,
                Map.of(30L, 8L, 1440L, 1L, 1800L, 1L), Map.of());
        assertThat(ScorecardReport.of(slower, NOW).metrics()).extracting(ScorecardReport.Metric::key,
                ScorecardReport.Metric::value, ScorecardReport.Metric::met).contains(
                tuple("acceptHoursP90", 24.0, true));
        Scorecard slowest = new Scorecard("lyon-linen", 5, 5, 5, 0, 0, 0, 0, 0, 0,
                Map.of(30L, 3L, 1800L, 2L), Map.of());
        assertThat(ScorecardReport.of(slowest, NOW).metrics()).extracting(ScorecardReport.Metric::key,
                ScorecardReport.Metric::value, ScorecardReport.Metric::met).contains(
                tuple("acceptHoursMedian", 0.5, true), tuple("acceptHoursP90", 30.0, false));
    }
}
