package com.openfulfil.dropship.local;

import org.apache.kafka.clients.consumer.Consumer;

import java.time.Duration;

/** Stopping a consumer that polls on a thread of its own, which alone may touch it. */
public final class Polling {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private Polling() {
    }

    /**
     * Wakes the polling thread so it leaves its loop and closes the consumer itself, and waits for
     * it; a thread that never started leaves the consumer to be closed here. The loop's running
     * flag must already be false.
     */
    public static void stop(Thread poller, Consumer<?, ?> consumer) {
        if (poller.getState() == Thread.State.NEW) {
            consumer.close(CLOSE_TIMEOUT);
            return;
        }
        consumer.wakeup();
        try {
            poller.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
