package com.openfulfil.dropship.support.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.openfulfil.dropship.support.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem every request runs into is logged once a minute with a count, not once per request. */
class ProblemLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("problem-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final ProblemLog problems;

    ProblemLogTest() {
        lines.start();
        logger.addAppender(lines);
        problems = new ProblemLog(logger, clock);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void aProblemRepeatedThousandsOfTimesAMinuteIsOneLineAMinute() {
        // 50 requests a second for two minutes
        for (int i = 0; i < 6_000; i++) {
            problems.info("store orders", "Answering 503: orders is restoring");
            clock.advance(Duration.ofMillis(20));
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Answering 503: orders is restoring",
                "Answering 503: orders is restoring (2999 more like it since it was last logged)");
    }

    @Test
    void eachProblemHasItsOwnLineAndEveryLineIsOneLine() {
        problems.error("A", "Unexpected error: bad port (IllegalArgumentException at OrderReader.call)");
        problems.error("B", "Unexpected error: no such element");
        problems.error("A", "Unexpected error: bad port (IllegalArgumentException at OrderReader.call)");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Unexpected error: bad port (IllegalArgumentException at OrderReader.call)",
                        "Unexpected error: no such element");
        assertThat(lines.list).allSatisfy(line -> assertThat(line.getThrowableProxy()).as("no stack trace").isNull());

        clock.advance(Duration.ofMinutes(1));
        problems.error("A", "Unexpected error: bad port (IllegalArgumentException at OrderReader.call)");
        assertThat(lines.list.get(2).getFormattedMessage())
                .isEqualTo("Unexpected error: bad port (IllegalArgumentException at OrderReader.call)"
                        + " (1 more like it since it was last logged)");
    }
}
