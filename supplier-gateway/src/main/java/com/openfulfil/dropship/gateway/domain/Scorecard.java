package com.openfulfil.dropship.gateway.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A supplier's running tally (R3.6), kept up to date dispatch by dispatch: how many it was sent,
 * answered, refused and shipped, shipped on time or late, shipped with wrong or missing items,
 * missed deadlines, and how long it took to accept and to ship, as whole minutes → how many
 * dispatches took that long (so median and p90 are exact to the minute without keeping every dispatch).
 *
 * @param answered dispatches the supplier accepted or refused
 * @param onTime   shipped by the ship deadline; {@code late}: the deadline passed first
 */
public record Scorecard(String supplierId, long dispatches, long answered, long accepted, long rejected,
                        long shipped, long onTime, long late, long errors, long slaBreaches,
                        Map<Long, Long> acceptMinutes, Map<Long, Long> shipMinutes) {

    public Scorecard {
        acceptMinutes = acceptMinutes == null ? Map.of() : Map.copyOf(acceptMinutes);
        shipMinutes = shipMinutes == null ? Map.of() : Map.copyOf(shipMinutes);
    }

    public static Scorecard empty(String supplierId) {
        return new Scorecard(supplierId, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
    }

    /** Share of shipments that left by their deadline; empty before anything shipped or was late. */
    public Optional<Double> onTimeShipmentRate() {
        return ratio(onTime, onTime + late);
    }

    /** Share of answered dispatches the supplier refused (a refusal after accepting counts as a refusal). */
    public Optional<Double> rejectionRate() {
        return ratio(rejected, answered);
    }

    /** Share of shipped dispatches with wrong or missing items reported by the customer. */
    public Optional<Double> errorRate() {
        return ratio(errors, shipped);
    }

    public Optional<Double> acceptHours(double percentile) {
        return hours(acceptMinutes, percentile);
    }

    public Optional<Double> shipHours(double percentile) {
        return hours(shipMinutes, percentile);
    }

    Scorecard plus(Tally tally) {
        return new Scorecard(supplierId, dispatches + tally.dispatches, answered + tally.answered,
                accepted + tally.accepted, rejected + tally.rejected, shipped + tally.shipped, onTime + tally.onTime,
                late + tally.late, errors + tally.errors, slaBreaches + tally.slaBreaches,
                add(acceptMinutes, tally.acceptTook), add(shipMinutes, tally.shipTook));
    }

    /** What one event added to the tally; durations are null when it timed nothing. */
    record Tally(int dispatches, int answered, int accepted, int rejected, int shipped, int onTime, int late,
                 int errors, int slaBreaches, Duration acceptTook, Duration shipTook) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    private static Map<Long, Long> add(Map<Long, Long> histogram, Duration took) {
        if (took == null) {
            return histogram;
        }
        Map<Long, Long> next = new TreeMap<>(histogram);
        next.merge(Math.max(0, took.toMinutes()), 1L, Long::sum);
        return next;
    }

    private static Optional<Double> ratio(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
    }

    /** Nearest-rank percentile: the smallest duration at least {@code percentile} of the dispatches took no longer than. */
    private static Optional<Double> hours(Map<Long, Long> histogram, double percentile) {
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(percentile * count));
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : new TreeMap<>(histogram).entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return Optional.of(bucket.getKey() / 60.0);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count);
    }
}
