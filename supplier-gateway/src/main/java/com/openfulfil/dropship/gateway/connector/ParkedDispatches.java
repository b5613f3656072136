package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends parked dispatches again: everything on a supplier's dispatch dead-letter topic not retried
 * before goes back onto its dispatch topic, with the same dispatchId, and the connector delivers it
 * like new. A parked message that is not a readable dispatch is counted, not sent.
 */
public final class ParkedDispatches {
    private static final Logger log = LoggerFactory.getLogger(ParkedDispatches.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final String service;
    private final EventPublisher publisher;
    private final EventSerde serde = new EventSerde();

    /** @param security the cluster's security settings ({@code DropshipProperties.Kafka#security()}) */
    public ParkedDispatches(String bootstrapServers, Map<String, Object> security, String service,
                            EventPublisher publisher) {
        this.bootstrapServers = bootstrapServers;
        this.security = Map.copyOf(security);
        this.service = service;
        this.publisher = publisher;
    }

    public record Retried(String supplierId, int retried, int unreadable) {
    }

    public synchronized Retried retry(String supplierId) {
        TopicSpec dispatch = Topics.supplierDispatch(supplierId);
        String dlq = Topics.dlq(dispatch.name(), service);
        int retried = 0;
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // parked after this retry began: left for the next one
                    }
                    try {
                        Event event = serde.deserialize(dispatch.name(), record.value());
                        publisher.publishAndWait(dispatch, record.key(), event);
                        retried++;
                    } catch (SerializationException e) {
                        unreadable++;
                    }
                }
            }
            partitions.forEach(p -> consumer.seek(p, end.get(p)));
            consumer.commitSync();
        }
        log.info("Retried {} parked dispatch messages of {} ({} unreadable left out)", retried, supplierId, unreadable);
        return new Retried(supplierId, retried, unreadable);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The cluster's security settings, then the retry's own settings over them. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, service + "-parked-retry",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        return config;
    }
}
