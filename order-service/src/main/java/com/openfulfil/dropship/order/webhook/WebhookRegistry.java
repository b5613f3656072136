package com.openfulfil.dropship.order.webhook;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.storefront.StorefrontWebhookSet;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
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

/**
 * Every storefront's webhook, read from the compacted {@code storefronts.webhooks} topic from its
 * beginning by every instance of order-service, so each instance knows every registration.
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
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;

    /** @param onChange told of each storefront's webhook as it is set, or {@code null} when removed */
    WebhookRegistry(String bootstrapServers, Map<String, Object> security, String group,
                    BiConsumer<String, StorefrontWebhookSet> onChange) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.group = group;
        this.onChange = onChange;
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-webhook-registry",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "webhook-registry");
        this.thread.setDaemon(true);
    }

    void start() {
        started = true;
        thread.start();
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

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    read(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> found = List.of();
        while (running && found.isEmpty()) {
            List<PartitionInfo> info = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
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
        if (!started) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
