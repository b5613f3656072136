package com.openfulfil.dropship.channel.it;

import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One of the gateway's own JSON topics ({@code channels.inbound}, {@code channels.refusals}, ...) read from
 * its start as committed, for what the gateway recorded of an order.
 */
final class GatewayTopic<T> implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> seen = new ArrayList<>();

    GatewayTopic(String topic, Class<T> type) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), JsonSerde.of(type));
        consumer.subscribe(List.of(topic));
    }

    /** Reads until {@code done} holds for the values keyed {@code key} read so far. */
    List<T> until(String key, Predicate<List<T>> done) {
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return done.test(valuesOf(key));
        });
        return valuesOf(key);
    }

    /** Exactly {@code count} values keyed {@code key}: that many come, and no more in the second after. */
    List<T> exactly(String key, int count) {
        until(key, found -> found.size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return valuesOf(key).size() == count;
        });
        return valuesOf(key);
    }

    List<T> valuesOf(String key) {
        return recordsOf(key).stream().map(ConsumerRecord::value).toList();
    }

    /** The records keyed {@code key} read so far, with where each is on the topic. */
    List<ConsumerRecord<String, T>> recordsOf(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
