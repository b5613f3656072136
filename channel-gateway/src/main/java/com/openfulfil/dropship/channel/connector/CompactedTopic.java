package com.openfulfil.dropship.channel.connector;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The connector's own state kept on a compacted topic, read back whole when the connector starts. */
final class CompactedTopic {
    private CompactedTopic() {
    }

    /**
     * Hands every record of {@code topic}, from its start to the end it has now, to {@code each} in order (a null
     * value is a tombstone: the key was forgotten).
     */
    static void readAll(Map<String, Object> consumerConfig, String topic, BiConsumer<String, byte[]> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> each.accept(r.key(), r.value()));
            }
        }
    }
}
