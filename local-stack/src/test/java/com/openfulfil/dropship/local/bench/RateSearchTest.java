package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RateSearchTest {

    /** Runs a search against a pipeline that sustains anything up to {@code capacity}, and lists the rates tried. */
    private static List<Double> tried(RateSearch search, DoublePredicate sustains) {
        List<Double> rates = new ArrayList<>();
        OptionalDouble next;
        while ((next = search.next()).isPresent()) {
            double rate = next.getAsDouble();
            rates.add(rate);
            search.record(rate, sustains.test(rate), rate);
        }
        return rates;
    }

    @Test
    void growsUntilAStepIsNotSustainedThenBisects() {
        RateSearch search = new RateSearch(100, 1.5, 2, 20);

        List<Double> rates = tried(search, rate -> rate <= 400);

        assertThat(rates).containsExactly(100.0, 150.0, 225.0, 337.5, 506.25, 421.875, 379.6875);
        assertThat(search.bestSustained().getAsDouble()).isEqualTo(379.6875);
    }

    @Test
    void shrinksWhenEvenTheFirstStepIsTooMuch() {
        RateSearch search = new RateSearch(100, 2, 0, 20);

        List<Double> rates = tried(search, rate -> rate <= 30);

        assertThat(rates).containsExactly(100.0, 50.0, 25.0);
        assertThat(search.bestSustained().getAsDouble()).isEqualTo(25.0);
    }

    @Test
    void stopsAfterTheMaximumNumberOfSteps() {
        RateSearch search = new RateSearch(100, 1.5, 2, 3);

        List<Double> rates = tried(search, rate -> true);

        assertThat(rates).hasSize(3);
        assertThat(search.steps()).isEqualTo(3);
    }

    @Test
    void stopsBisectingOnceTheBracketIsWithinFivePercent() {
        RateSearch search = new RateSearch(100, 1.04, 5, 50);

        List<Double> rates = tried(search, rate -> rate < 103);

        assertThat(rates).containsExactly(100.0, 104.0);
    }

    @Test
    void reportsTheBestMeasuredRateOfASustainedStepNotTheOfferedOne() {
        RateSearch search = new RateSearch(100, 1.5, 0, 5);

        search.record(100, true, 98.5);
        search.record(150, false, 120);

        assertThat(search.bestSustained().getAsDouble()).isCloseTo(98.5, within(1e-9));
        assertThat(search.next()).isEmpty();
    }

    @Test
    void hasNoMaximumWhenNothingWasSustained() {
        RateSearch search = new RateSearch(1, 2, 0, 5);

        tried(search, rate -> false);

        assertThat(search.bestSustained()).isEmpty();
    }
}
