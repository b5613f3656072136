package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Every storefront's webhook, read from the compacted {@code storefronts.webhooks} topic from its
 * beginning by every instance of order-service, so each instance knows every registration. The
 * reading loop does not stay dead: if it fails it reads the topic again from the beginning, after a
 * wait that grows with each failure in a row.
 */
class WebhookRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookRegistry.class);
    private static final String TOPIC = Topics.STOREFRONT_WEBHOOKS.name();

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final String group;
    private final BiConsumer<String, StorefrontWebhookSet> onChange;
    private final Map<String, StorefrontWebhookSet> webhooks = new ConcurrentHashMap<>();
    private final EventSerde serde = new EventSerde();
    private final RestartingLoop loop;
    /** The current run's consumer: each restart of the loop gets a fresh one. */
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    /**
     * @param onChange told of each storefront's webhook as it is set, or {@code null} when removed
     * @param backoff  the wait before reading again after the n-th failure in a row
     */
    WebhookRegistry(String bootstrapServers, Map<String, Object> security, String group,
                    BiConsumer<String, StorefrontWebhookSet> onChange, IntFunction<Duration> backoff) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.group = group;
        this.onChange = onChange;
        this.loop = new RestartingLoop("webhook-registry", backoff, this::readUntilStopped,
                (error, wait) -> Metrics.counter("dropship.webhook.registry.restarts").increment());
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-webhook-registry",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        loop.start();
    }

    Optional<StorefrontWebhookSet> find(String storefrontId) {
        return Optional.ofNullable(webhooks.get(storefrontId));
    }

    /** Applies a registration this instance has just written, so it is read back at once. */
    synchronized void apply(String storefrontId, StorefrontWebhookSet webhook) {
        StorefrontWebhookSet before = webhook == null ? webhooks.remove(storefrontId) : webhooks.put(storefrontId, webhook);
        if (!Objects.equals(before, webhook)) {
            onChange.accept(storefrontId, webhook);
        }
    }

    /** One run of the reading loop, from the topic's beginning, until closed; whatever it throws ends the run. */
    private void readUntilStopped() {
        KafkaConsumer<String, byte[]> current = newConsumer();
        consumer = current;
        try {
            if (!running) {
                return;  // closed while the consumer was being made: its wakeup went to the previous one
            }
            List<TopicPartition> partitions = partitions(current);
            current.assign(partitions);
            current.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : current.poll(Duration.ofSeconds(1))) {
                    read(record);
                }
                loop.progressed();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            current.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> current) {
        List<PartitionInfo> found = List.of();
        while (running && found.isEmpty()) {
            List<PartitionInfo> info = current.partitionsFor(TOPIC, Duration.ofSeconds(10));
            found = info == null ? List.of() : info;
            if (found.isEmpty()) {
                log.info("Waiting for topic {} to exist", TOPIC);
            }
        }
        return found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, new IllegalArgumentException("A webhook registration without a storefront id as key"));
            return;
        }
        if (record.value() == null) {
            apply(record.key(), null);
            return;
        }
        try {
            Event event = serde.deserialize(record.topic(), record.value());
            if (!(event instanceof StorefrontWebhookSet webhook) || !record.key().equals(webhook.storefrontId())) {
                throw new IllegalArgumentException("Expected a StorefrontWebhookSet for storefront " + record.key());
            }
            apply(record.key(), webhook);
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetters.forBroker(bootstrapServers, security).send(record.topic(), group, record.partition(), record.offset(), key,
                record.value(), record.headers(), error);
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        loop.close();
    }
}
