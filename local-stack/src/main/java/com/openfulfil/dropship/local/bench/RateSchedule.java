package com.openfulfil.dropship.local.bench;

import java.time.Duration;

/**
 * An open-loop schedule: order {@code i} is due at {@code start + i / rate}, whatever became of
 * the orders before it. Latency is measured from these intended times, so a sender that falls
 * behind shows up as latency instead of silently lowering the load (no coordinated omission).
 */
record RateSchedule(double perSecond, int count) {

    RateSchedule {
        if (perSecond <= 0 || count < 0) {
            throw new IllegalArgumentException("A schedule needs a positive rate and a count >= 0");
        }
    }

    /** As many orders as {@code perSecond} gives over {@code length} (at least one). */
    static RateSchedule of(double perSecond, Duration length) {
        return new RateSchedule(perSecond, (int) Math.max(1, Math.floor(perSecond * length.toNanos() / 1e9)));
    }

    /** Nanoseconds from the start at which order {@code i} is due. */
    long dueNanos(int i) {
        return Math.round(i * 1e9 / perSecond);
    }

    /** How many orders are due once {@code elapsedNanos} have passed since the start. */
    int dueBy(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        long due = (long) Math.floor(elapsedNanos * perSecond / 1e9) + 1;
        // rounding in dueNanos may put order `due` a nanosecond early or late: settle it exactly
        while (due < count && dueNanos((int) due) <= elapsedNanos) {
            due++;
        }
        while (due > 0 && dueNanos((int) due - 1) > elapsedNanos) {
            due--;
        }
        return (int) Math.min(due, count);
    }

    Duration length() {
        return Duration.ofNanos(Math.round(count * 1e9 / perSecond));
    }
}
