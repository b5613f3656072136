package com.openfulfil.dropship.order.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestartingLoopTest {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aBodyThatThrowsRunsAgainAfterAWaitThatGrowsUntilItGetsWorkDone() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        try (RestartingLoop running = new RestartingLoop("test-loop", n -> Duration.ofMillis(10L << n), () -> {
            runs.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("broken");
            }
        }, (error, wait) -> waits.add(wait))) {
            running.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 4);
        }
        assertThat(waits).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80));
        assertThat(runs).as("a body that returns is done: not run again").hasValue(4);
    }

    @Test
    void progressMakesTheNextFailureTheFirstInARowAgain() {
        AtomicInteger run = new AtomicInteger();
        RestartingLoop[] loop = new RestartingLoop[1];
        loop[0] = new RestartingLoop("test-loop", n -> Duration.ofMillis(10L * n), () -> {
            int now = run.incrementAndGet();
            if (now == 3) {
                loop[0].progressed();
            }
            if (now < 5) {
                throw new IllegalStateException("broken in run " + now);
            }
        }, (error, wait) -> waits.add(wait));
        try (RestartingLoop running = loop[0]) {
            running.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> run.get() == 5);
        }
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(10),
                Duration.ofMillis(20));
    }

    @Test
    void closingDuringTheWaitEndsTheLoopAtOnce() {
        RestartingLoop loop = new RestartingLoop("test-loop", n -> Duration.ofHours(1), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("broken");
        }, (error, wait) -> waits.add(wait));
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waits.size() == 1);

        long started = System.nanoTime();
        loop.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(runs).hasValue(1);
    }
}
