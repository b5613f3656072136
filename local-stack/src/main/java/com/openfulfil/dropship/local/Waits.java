package com.openfulfil.dropship.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for the launcher: every wait has a deadline, so a run always stops by itself. */
public final class Waits {
    private Waits() {
    }

    /** Checks {@code condition} every {@code poll} until it holds (returns when) or {@code timeout} passes (empty). */
    public static Optional<Instant> until(BooleanSupplier condition, Duration timeout, Duration poll) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return Optional.of(Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            pause(poll);
        }
    }

    public static void pause(Duration duration) {
        Instant end = Instant.now().plus(duration);
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = Duration.between(Instant.now(), end)) {
            LockSupport.parkNanos(left.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted");
            }
        }
    }
}
