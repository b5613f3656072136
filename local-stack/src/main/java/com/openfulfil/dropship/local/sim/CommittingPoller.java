package com.openfulfil.dropship.local.sim;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A simulator's reading thread: each record goes to a handler with a callback to say when the
 * record's work is over (a parcel delivered, a dispatch answered), and every second the offsets
 * {@link PendingOffsets} says are safe are committed, so a restart reads again what was not done.
 * A partition taken away is committed first and then forgotten.
 */
final class CommittingPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommittingPoller.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    /** Handles one record; calls {@code finished} once its work is over, on any thread. */
    interface Handler {
        void handle(ConsumerRecord<String, byte[]> record, Runnable finished);
    }

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<KafkaConsumer<String, byte[]>, ConsumerRebalanceListener> subscribe;
    private final Handler handler;
    private final PendingOffsets pending = new PendingOffsets();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param name      the thread's name, and what the log calls this reader
     * @param subscribe subscribes the consumer to its topics with the listener given
     */
    CommittingPoller(String name, Map<String, Object> consumerConfig,
                     BiConsumer<KafkaConsumer<String, byte[]>, ConsumerRebalanceListener> subscribe, Handler handler) {
        this.name = name;
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        this.subscribe = subscribe;
        this.handler = handler;
        this.thread = new Thread(this::pollLoop, name);
    }

    void start() {
        thread.start();
    }

    /** False once closed, or if the reading thread died of an error. */
    boolean isAlive() {
        return thread.isAlive();
    }

    private void pollLoop() {
        try {
            subscribe.accept(consumer, new Rebalance());
            Instant nextCommit = Instant.now().plus(COMMIT_EVERY);
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::receive);
                if (Instant.now().isAfter(nextCommit)) {
                    // a commit the broker refuses (restarting, moving its coordinator) is made at the next turn
                    commitQuietly();
                    nextCommit = Instant.now().plus(COMMIT_EVERY);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up to stop
        } catch (RuntimeException e) {
            log.error("{} stopped", name, e);
        } finally {
            commitQuietly();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        pending.begin(partition, record.offset());
        handler.handle(record, () -> pending.finish(partition, record.offset()));
    }

    private void commitQuietly() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = pending.toCommit();
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
                pending.committed(offsets);
            }
        } catch (RuntimeException e) {
            log.warn("Could not commit the offsets of {}: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitQuietly();
            pending.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the committed offsets
        }
    }
}
