package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the channels' changes onto {@code channels.inbound}, keyed by our order id so each lands in
 * the task that keeps the order. Idempotent, acks=all: once {@link #record} returns, the change is
 * durable and the webhook may be answered 200.
 */
public final class InboundChanges implements AutoCloseable {
    private final KafkaProducer<String, InboundChange> producer;

    public InboundChanges(String bootstrapServers, Map<String, Object> security, String clientId) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-inbound",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), JsonSerde.of(InboundChange.class));
    }

    public void record(InboundChange change) {
        try {
            producer.send(new ProducerRecord<>(ChannelTopics.INBOUND, change.orderId(), change)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Could not record the change of order " + change.externalRef(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Timed out recording the change of order " + change.externalRef(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
