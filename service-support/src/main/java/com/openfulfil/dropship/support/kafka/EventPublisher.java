package com.openfulfil.dropship.support.kafka;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes events from the HTTP edge of a service (an order placed, a feed imported, a carrier
 * webhook). Idempotent, acks=all: once {@link #publishAndWait} returns, the event is durable.
 */
public class EventPublisher implements AutoCloseable {
    /** How long a send may take before it is given up. */
    public static final int WAIT_MS = 15_000;
    private static final Duration WAIT = Duration.ofMillis(WAIT_MS);
    private final KafkaProducer<String, Event> producer;

    public EventPublisher(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, Map.of());
    }

    /** @param security the cluster's security settings ({@code DropshipProperties.Kafka#security()}) */
    public EventPublisher(String bootstrapServers, String clientId, Map<String, Object> security) {
        this.producer = new KafkaProducer<>(durableConfig(bootstrapServers, clientId, security), new StringSerializer(),
                new EventSerde());
    }

    /**
     * The settings of a producer whose sends are durable once acknowledged (idempotent, acks=all), for
     * writes that answer a caller only once they are on their topic; a send gives up after
     * {@value #WAIT_MS} ms.
     */
    public static Map<String, Object> durableConfig(String bootstrapServers, String clientId,
                                                    Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WAIT_MS));
        return config;
    }

    public CompletableFuture<RecordMetadata> publish(TopicSpec topic, String key, Event event) {
        return publish(topic.name(), key, event);
    }

    public CompletableFuture<RecordMetadata> publish(String topic, String key, Event event) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, event), (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(new PublishFailedException("Could not write to " + topic, error));
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new PublishFailedException("Could not write to " + topic, e));
        }
        return result;
    }

    /** Writes and waits for the broker's acknowledgement; throws {@link PublishFailedException} otherwise. */
    public RecordMetadata publishAndWait(TopicSpec topic, String key, Event event) {
        try {
            return publish(topic, key, event).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PublishFailedException failed) {
                throw failed;
            }
            throw new PublishFailedException("Could not write to " + topic.name(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge a write to " + topic.name() + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while writing to " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
