package com.openfulfil.dropship.channel.connector;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer on a thread of its own, started and stopped with the application: {@link #run}
 * loops until stopped; stopping wakes the consumer up and waits for the thread, which closes it.
 */
abstract class ConsumerThread<V> implements SmartLifecycle {
    protected final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running;

    ConsumerThread(KafkaConsumer<String, V> consumer, String name) {
        this.consumer = consumer;
        this.thread = new Thread(this::loop, name);
    }

    /** What the thread does until it is stopped; a {@link WakeupException} ends it. */
    protected abstract void run();

    protected boolean running() {
        return running;
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
