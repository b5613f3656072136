package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far each Amazon store's orders have been read ({@code channels.amazon-watermarks}, compacted,
 * keyed by store id, the {@code LastUpdateDate} of the latest order taken). Read from the topic when
 * polling starts, so a restart goes on from where the last finished poll left; written only once every
 * order of a poll is recorded, so a crash in between reads those orders again (and the order stream,
 * which places each order once, makes nothing of them twice).
 */
final class AmazonWatermarks implements AutoCloseable {
    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<String, String> producer;

    AmazonWatermarks(String bootstrapServers, Map<String, Object> security, String clientId) {
        this.consumerConfig = new HashMap<>(security);
        consumerConfig.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Map<String, Object> producerConfig = new HashMap<>(security);
        producerConfig.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-watermarks", ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    /** Every store's watermark, as the topic has it now. */
    Map<String, Instant> load() {
        Map<String, Instant> marks = new HashMap<>();
        CompactedTopic.readAll(consumerConfig, ChannelTopics.AMAZON_WATERMARKS, (key, value) -> {
            if (value != null) {
                marks.put(key, Instant.parse(new String(value, StandardCharsets.UTF_8)));
            }
        });
        return marks;
    }

    Optional<Instant> of(Map<String, Instant> marks, String storeId) {
        return Optional.ofNullable(marks.get(storeId));
    }

    void save(String storeId, Instant mark) {
        try {
            producer.send(new ProducerRecord<>(ChannelTopics.AMAZON_WATERMARKS, storeId, mark.toString()))
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not keep store " + storeId + "'s watermark", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
