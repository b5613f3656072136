package com.openfulfil.dropship.local.bench;

import java.util.OptionalDouble;

/**
 * The search for the highest offered rate the pipeline sustains: grow the rate by a factor while
 * steps are sustained, shrink it while none is, then bisect between the best sustained rate and
 * the lowest unsustained one a few times. Bounded by a number of steps, so a run always ends.
 */
final class RateSearch {
    private static final double CLOSE_ENOUGH = 0.05;
    private static final double LOWEST_RATE = 1;

    private final double start;
    private final double growth;
    private final int refinements;
    private final int maxSteps;
    private int steps;
    private int refined;
    private double good = Double.NaN;
    private double bad = Double.NaN;
    private double bestAchieved = Double.NaN;

    RateSearch(double start, double growth, int refinements, int maxSteps) {
        if (start <= 0 || growth <= 1 || refinements < 0 || maxSteps < 1) {
            throw new IllegalArgumentException("start > 0, growth > 1, refinements >= 0, maxSteps >= 1");
        }
        this.start = start;
        this.growth = growth;
        this.refinements = refinements;
        this.maxSteps = maxSteps;
    }

    /** The offered rate to try next, or empty when the search is over. */
    OptionalDouble next() {
        if (steps >= maxSteps) {
            return OptionalDouble.empty();
        }
        if (Double.isNaN(good) && Double.isNaN(bad)) {
            return OptionalDouble.of(start);
        }
        if (Double.isNaN(bad)) {
            return OptionalDouble.of(good * growth);
        }
        if (Double.isNaN(good)) {
            double lower = bad / growth;
            return lower < LOWEST_RATE ? OptionalDouble.empty() : OptionalDouble.of(lower);
        }
        if (refined >= refinements || (bad - good) / good <= CLOSE_ENOUGH) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((good + bad) / 2);
    }

    /**
     * @param offered   the rate the step offered
     * @param sustained whether the pipeline kept up with it
     * @param achieved  completed orders per second measured in the step
     */
    void record(double offered, boolean sustained, double achieved) {
        boolean bracketed = !Double.isNaN(good) && !Double.isNaN(bad);
        steps++;
        if (bracketed) {
            refined++;
        }
        if (sustained) {
            good = Double.isNaN(good) ? offered : Math.max(good, offered);
            bestAchieved = Double.isNaN(bestAchieved) ? achieved : Math.max(bestAchieved, achieved);
        } else {
            bad = Double.isNaN(bad) ? offered : Math.min(bad, offered);
        }
    }

    /** The highest completion rate measured in a sustained step. */
    OptionalDouble bestSustained() {
        return Double.isNaN(bestAchieved) ? OptionalDouble.empty() : OptionalDouble.of(bestAchieved);
    }

    int steps() {
        return steps;
    }
}
