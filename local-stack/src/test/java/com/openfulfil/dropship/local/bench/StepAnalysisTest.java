package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StepAnalysisTest {
    private static final long START = 1_800_000_000_000L;
    private static final Duration LENGTH = Duration.ofSeconds(10);
    private static final SustainRule RULE = SustainRule.DEFAULT;

    /** An order due {@code dueMs} after the start that was dispatched and completed that many ms after it was due. */
    private static Sent order(long seq, long dueMs, long dispatchedAfter, long completedAfter, boolean partner) {
        long due = START + dueMs;
        Sent sent = new Sent(new Plan(seq, 1, partner, 1, due * 1000));
        Track track = new Track("o-" + seq);
        track.attach(sent.plan);
        track.status(OrderStatus.PLACED, due + 5);
        track.status(OrderStatus.CONFIRMED, due + 20);
        track.status(OrderStatus.DISPATCHED, due + dispatchedAfter);
        track.status(OrderStatus.DELIVERED, due + completedAfter - 10);
        track.status(OrderStatus.COMPLETED, due + completedAfter - (partner ? 5 : 0));
        if (partner) {
            track.commission(due + completedAfter);
        }
        sent.accepted(track, (due + 3) * 1000);
        return sent;
    }

    /** 100 orders/s for 10 s, each dispatched after 50 ms and completed after 500 ms. */
    private static List<Sent> steady() {
        List<Sent> orders = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            orders.add(order(i, i * 10L, 50, 500, i % 3 == 0));
        }
        return orders;
    }

    @Test
    void measuresLatencyFromTheIntendedSendTimeAndTheRateAtWhichOrdersCompleted() {
        StepResult result = StepAnalysis.analyse("search", "s", 100, START, LENGTH, steady(), RULE, Map.of());

        assertThat(result.sent()).isEqualTo(1000);
        assertThat(result.completed()).isEqualTo(1000);
        assertThat(result.toDispatched().p50Ms()).isCloseTo(50, within(0.1));
        assertThat(result.toCompleted().p99Ms()).isCloseTo(500, within(0.5));
        assertThat(result.endToEnd().get(StepResult.API_ANSWER).p50Ms()).isCloseTo(3, within(0.1));
        assertThat(result.stages().get(StepAnalysis.INTAKE).p50Ms()).isCloseTo(5, within(0.1));
        assertThat(result.stages().get("allocation (PLACED → CONFIRMED)").p50Ms()).isCloseTo(15, within(0.1));
        assertThat(result.stages().get(StepAnalysis.COMMISSION).count()).isEqualTo(334);
        assertThat(result.completedPerSecond()).isCloseTo(100, within(0.1));
        assertThat(result.drainSeconds()).isCloseTo(0.49, within(0.01));
        assertThat(result.sustained()).isTrue();
    }

    @Test
    void aPartnerOrderIsCompletedOnlyOnceItsCommissionIsCredited() {
        Sent partner = order(1, 0, 50, 500, true);
        Track track = new Track("o-x");
        track.attach(partner.plan);
        track.status(OrderStatus.COMPLETED, START + 400);
        partner.accepted(track, START * 1000);

        StepResult result = StepAnalysis.analyse("search", "s", 1, START, LENGTH, List.of(partner), RULE, Map.of());

        assertThat(result.completed()).isZero();
        assertThat(result.unfinished()).isEqualTo(1);
    }

    @Test
    void aPipelineThatFallsBehindIsNotSustained() {
        List<Sent> orders = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // each order waits 8 ms longer than the one before: the backlog grows through the step
            orders.add(order(i, i * 10L, 50, 500 + i * 8L, false));
        }

        StepResult result = StepAnalysis.analyse("search", "s", 100, START, LENGTH, orders, RULE, Map.of("kafka broker", 9.0));

        assertThat(result.sustained()).isFalse();
        assertThat(result.completedPerSecond()).isCloseTo(55.6, within(0.2));
        assertThat(result.shortfalls()).hasSize(2);
        assertThat(result.drainSeconds()).isCloseTo(8.48, within(0.01));
        assertThat(result.cpuPerThousand().get("kafka broker")).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void theCompletionRateIgnoresTheJitterOfTheFirstAndLastFewOrders() {
        long[] due = new long[100];
        long[] done = new long[100];
        for (int i = 0; i < done.length; i++) {
            due[i] = i * 10L;
            done[i] = 1000 + i * 10L;
        }
        done[0] = 0;      // one early straggler ...
        done[99] = 9000;  // ... and one late one would double the span

        assertThat(StepAnalysis.completionRate(due, done)).isCloseTo(100, within(0.1));
        assertThat(StepAnalysis.completionRate(new long[] {0, 400}, new long[] {5, 505})).isCloseTo(2, within(1e-9));
        assertThat(StepAnalysis.completionRate(new long[] {0}, new long[] {5})).isZero();
    }

    @Test
    void aBacklogReleasedInABurstIsNotFasterThanTheOrdersCame() {
        long[] due = new long[100];
        long[] done = new long[100];
        for (int i = 0; i < done.length; i++) {
            due[i] = i * 10L;          // sent at 100/s ...
            done[i] = 5000 + i * 2L;   // ... and released all at once, at 500/s
        }

        assertThat(StepAnalysis.completionRate(due, done)).isCloseTo(100, within(0.1));
    }

    @Test
    void ordersTheApiRefusedCountAgainstTheStep() {
        List<Sent> orders = steady();
        for (int i = 0; i < 5; i++) {
            Sent refused = new Sent(new Plan(5000 + i, 1, false, 1, START * 1000));
            refused.refused("503");
            orders.add(refused);
        }

        StepResult result = StepAnalysis.analyse("search", "s", 100, START, LENGTH, orders, RULE, Map.of());

        assertThat(result.refused()).isEqualTo(5);
        assertThat(result.sustained()).isFalse();
    }
}
