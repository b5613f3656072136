package com.openfulfil.dropship.order.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A loop on a daemon thread of its own that does not stay dead: when its body throws (a commit
 * refused during a rebalance, a broker error, a bug), it is logged, the owner is told, and the body
 * runs again after a wait that doubles with each failure in a row. The body calls {@link #progressed}
 * once it got work done, so the next failure waits the shortest time again. A body that returns
 * ends the loop; so does {@link #close}, also during a wait.
 */
public final class RestartingLoop implements AutoCloseable {
    /** Told of each failure, with the wait before the body runs again. */
    public interface Failures {
        void failed(RuntimeException error, Duration wait);
    }

    private static final Logger log = LoggerFactory.getLogger(RestartingLoop.class);
    private static final Duration JOIN = Duration.ofSeconds(15);

    private final String name;
    private final IntFunction<Duration> backoff;
    private final Runnable body;
    private final Failures failures;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private int inARow;

    /**
     * @param backoff  the wait after the n-th failure in a row (n from 1)
     * @param body     runs until there is nothing more to do or {@link #isClosed}; throws to be run again
     */
    public RestartingLoop(String name, IntFunction<Duration> backoff, Runnable body, Failures failures) {
        this.name = name;
        this.backoff = backoff;
        this.body = body;
        this.failures = failures;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Called by the body when it got work done: the next failure is the first in a row. */
    public void progressed() {
        inARow = 0;
    }

    private void run() {
        while (!isClosed()) {
            try {
                body.run();
                return;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                Duration wait = backoff.apply(++inARow);
                log.error("{} stopped ({} in a row); starting it again in {} ms", name, inARow, wait.toMillis(), e);
                failures.failed(e, wait);
                if (waitOrClose(wait)) {
                    return;
                }
            }
        }
    }

    /** @return true when the loop was closed during the wait */
    private boolean waitOrClose(Duration wait) {
        try {
            return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Ends the loop; the owner has already woken the body (a consumer's {@code wakeup()}). Waits for it briefly. */
    @Override
    public void close() {
        closed.countDown();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(JOIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
