package com.openfulfil.dropship.local.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Latencies in microseconds, in an HdrHistogram (3 significant digits, up to an hour), and the
 * percentiles the report shows, in milliseconds.
 */
final class Latency {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    /** Records one latency; a negative one (clock granularity) counts as zero, one beyond an hour as an hour. */
    void record(long micros) {
        histogram.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    long count() {
        return histogram.getTotalCount();
    }

    Percentiles percentiles() {
        return Percentiles.of(histogram);
    }

    /** What a report shows of a latency distribution; all zero when nothing was recorded. */
    record Percentiles(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {
        static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

        static Percentiles of(Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return NONE;
            }
            return new Percentiles(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                    ms(histogram.getMaxValue()), Math.round(histogram.getMean() / 100.0) / 10.0);
        }

        private static double ms(long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }
}
