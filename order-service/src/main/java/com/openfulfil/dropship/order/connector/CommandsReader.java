package com.openfulfil.dropship.order.connector;

import com.openfulfil.dropship.order.webhook.RestartingLoop;
import com.openfulfil.dropship.support.config.DropshipProperties;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a refund connector reads {@code orders.commands} off the order stream's thread: a consumer group of its
 * own, read committed, from the earliest record the first time, offsets committed by the connector itself. Each
 * run of its {@link RestartingLoop} gets a fresh consumer and ends when stopped or when it throws; after a throw
 * the loop starts a new run after a growing wait (the settings' restart backoff), which carries on from the last
 * committed offset, so nothing is skipped. Stopping wakes the consumer, and a run's consumer is closed after the
 * run, which commits what a rebalance listener commits on the way out.
 */
final class CommandsReader {
    private final String name;
    private final String restartsMetric;
    private final Map<String, Object> config;
    private final IntervalFunction backoff;
    private RestartingLoop loop;
    /** The current run's consumer: each run gets a fresh one. */
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;

    /**
     * @param name           the loop's thread name, and the consumer's client id after {@code order-service-}
     * @param restartsMetric the counter of runs that ended in an error
     * @param settings       consumer settings of this reader's own (its poll sizes and intervals)
     */
    CommandsReader(String name, String group, String restartsMetric, DropshipProperties dropship,
                   RefundProperties properties, Map<String, Object> settings) {
        this.name = name;
        this.restartsMetric = restartsMetric;
        this.config = new HashMap<>(dropship.kafka().security());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, dropship.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "order-service-" + name);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // what was written before this group's first run is read too
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(settings);
        this.backoff = IntervalFunction.ofExponentialBackoff(properties.restartInitial(), 2.0, properties.restartMax());
    }

    /** Starts reading: {@code run} is one run, given its fresh consumer, looping while {@link #running()}. */
    void start(Consumer<KafkaConsumer<String, byte[]>> run) {
        loop = new RestartingLoop(name, n -> Duration.ofMillis(backoff.apply(n)), () -> runOnce(run),
                (error, wait) -> Metrics.counter(restartsMetric).increment());
        running = true;
        loop.start();
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (loop != null) {
            loop.close();
        }
    }

    boolean running() {
        return running;
    }

    /** The current run got somewhere: the next failure's wait starts short again. */
    void progressed() {
        loop.progressed();
    }

    private void runOnce(Consumer<KafkaConsumer<String, byte[]>> run) {
        KafkaConsumer<String, byte[]> current = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer = current;
        try {
            if (running) {
                run.accept(current);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            current.close(Duration.ofSeconds(5));
        }
    }
}
