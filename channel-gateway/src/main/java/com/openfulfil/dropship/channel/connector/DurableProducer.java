package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A producer whose sends are durable once they return ({@link EventPublisher#durableConfig}, waited for), for
 * what answers a caller only once it is on its topic: a store's webhook, ops' retry of a refused call.
 */
final class DurableProducer<V> implements AutoCloseable {
    private final KafkaProducer<String, V> producer;

    DurableProducer(String bootstrapServers, Map<String, Object> security, String clientId, Serializer<V> values) {
        this.producer = new KafkaProducer<>(EventPublisher.durableConfig(bootstrapServers, clientId, security),
                new StringSerializer(), values);
    }

    /** Returns once the record is on {@code topic}; {@link PublishFailedException} naming {@code what} otherwise. */
    void send(String topic, String key, V value, String what) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(EventPublisher.WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Could not record " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Timed out recording " + what, e);
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
