package com.openfulfil.dropship.ops.domain;

import java.time.Duration;
import java.time.Instant;

/** Messages per second on a topic, from two readings of the sum of its partitions' end offsets. */
public record Throughput(long endOffset, Instant at, double perSecond) {

    public static Throughput first(long endOffset, Instant at) {
        return new Throughput(endOffset, at, 0);
    }

    public Throughput next(long newEndOffset, Instant now) {
        double seconds = Duration.between(at, now).toMillis() / 1000.0;
        // a topic recreated with fewer messages, or two readings in the same instant, is no traffic
        double rate = seconds <= 0 || newEndOffset < endOffset ? 0 : (newEndOffset - endOffset) / seconds;
        return new Throughput(newEndOffset, now, rate);
    }
}
