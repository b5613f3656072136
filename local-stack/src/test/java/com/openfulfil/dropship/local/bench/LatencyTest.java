package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTest {

    @Test
    void reportsPercentilesInMillisecondsFromMicroseconds() {
        Latency latency = new Latency();
        for (int ms = 1; ms <= 1000; ms++) {
            latency.record(ms * 1000L);
        }

        Latency.Percentiles p = latency.percentiles();

        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50Ms()).isCloseTo(500, within(1.0));
        assertThat(p.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(p.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(p.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(p.meanMs()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void aRareSlowOrderShowsInTheTailNotTheMedian() {
        Latency latency = new Latency();
        for (int i = 0; i < 995; i++) {
            latency.record(10_000);
        }
        for (int i = 0; i < 5; i++) {
            latency.record(2_000_000);
        }

        Latency.Percentiles p = latency.percentiles();

        assertThat(p.p50Ms()).isCloseTo(10, within(0.1));
        assertThat(p.p99Ms()).isCloseTo(10, within(0.1));
        assertThat(p.p999Ms()).isCloseTo(2000, within(2.0));
    }

    @Test
    void negativeLatenciesFromClockGranularityCountAsZero() {
        Latency latency = new Latency();
        latency.record(-700);

        assertThat(latency.percentiles().maxMs()).isZero();
        assertThat(latency.count()).isEqualTo(1);
    }

    @Test
    void nothingRecordedGivesZeros() {
        assertThat(new Latency().percentiles()).isEqualTo(Latency.Percentiles.NONE);
    }
}
