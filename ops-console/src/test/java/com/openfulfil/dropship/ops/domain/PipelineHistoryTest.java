package com.openfulfil.dropship.ops.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts' history keeps a point per step for the last hour, column by column, gaps as null. */
class PipelineHistoryTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aPointPerStepForTheSpanWithASeriesPerStageGroupAndStatus() {
        PipelineHistory history = new PipelineHistory(Duration.ofSeconds(10), Duration.ofMinutes(1));

        assertThat(history.record(point(T0, Map.of("order-service", 12.5), Map.of("catalog-service", 3L),
                Map.of("PLACED", 4L)))).isTrue();
        assertThat(history.record(point(T0.plusSeconds(4), Map.of("order-service", 99.0), Map.of(), Map.of())))
                .as("within a step of the last point").isFalse();
        history.record(point(T0.plusSeconds(10), Map.of("order-service", 20.0, "tracking-service", 1.0),
                Map.of("catalog-service", 0L), Map.of("PLACED", 1L, "CONFIRMED", 3L)));

        PipelineHistory.Columns columns = history.columns();
        assertThat(columns.times()).containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 10);
        assertThat(columns.written().get("order-service")).containsExactly(12.5, 20.0);
        assertThat(columns.written().get("tracking-service")).containsExactly(null, 1.0);
        assertThat(columns.lag().get("catalog-service")).containsExactly(3L, 0L);
        assertThat(columns.funnel().keySet()).containsExactly("CONFIRMED", "PLACED");

        history.record(point(T0.plusSeconds(75), Map.of(), Map.of(), Map.of()));
        assertThat(history.columns().times()).as("older than a minute before the newest: gone")
                .containsExactly(T0.getEpochSecond() + 75);
    }

    private static PipelineHistory.Point point(Instant at, Map<String, Double> written, Map<String, Long> lag,
                                               Map<String, Long> funnel) {
        return new PipelineHistory.Point(at, written, lag, funnel);
    }
}
