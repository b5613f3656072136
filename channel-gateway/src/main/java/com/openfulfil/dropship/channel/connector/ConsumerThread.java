package com.openfulfil.dropship.channel.connector;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka consumer on a thread of its own, started and stopped with the application: {@link #run}
 * loops until stopped; stopping wakes the consumer up and waits for the thread, which closes it.
 */
abstract class ConsumerThread<V> implements SmartLifecycle {
    protected final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ConsumerThread(KafkaConsumer<String, V> consumer, String name) {
        this.consumer = consumer;
        this.thread = new Thread(this::loop, name);
    }

    /** What the thread does until it is stopped; a {@link WakeupException} ends it. */
    protected abstract void run();

    protected boolean running() {
        return running;
    }

    /** Waits {@code wait}, or less when the thread is stopped meanwhile; false when it was stopped. */
    protected boolean waitUnlessStopped(Duration wait) throws InterruptedException {
        return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void loop() {
        try {
            run();
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    @Override
    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
