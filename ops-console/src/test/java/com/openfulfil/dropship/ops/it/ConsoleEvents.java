package com.openfulfil.dropship.ops.it;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the console's tests put on the broker: order transitions and dead letters as a service parks them. */
final class ConsoleEvents {
    private ConsoleEvents() {
    }

    static void orderMoved(String orderId, String eventId, OrderStatus from, OrderStatus to) throws Exception {
        OrderStatusChanged change = new OrderStatusChanged(eventId, Instant.now(), orderId, from, to, "moved by the test",
                OrderFixtures.anOrder().withOrderId(orderId).details());
        send(Topics.ORDERS_LIFECYCLE.name(), orderId,
                new EventSerde().serialize(Topics.ORDERS_LIFECYCLE.name(), change), new RecordHeaders());
    }

    /** A malformed message on {@code <topic>.<group>.dlq}, with the headers a service's dead-letter handler writes. */
    static RecordMetadata parked(String topic, String group, String key, String value, Map<String, String> original)
            throws Exception {
        String dlq = Topics.dlq(topic, group);
        createTopic(dlq);
        RecordHeaders headers = new RecordHeaders();
        original.forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        Map.of("dlq.error", "Not a valid Event on " + topic + ": Unexpected character ('}')",
                "dlq.topic", topic, "dlq.partition", "1", "dlq.offset", "42", "dlq.group", group,
                "dlq.failed-at", Instant.now().toString())
                .forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return send(dlq, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static RecordMetadata send(String topic, String key, byte[] value, RecordHeaders headers) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, headers))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
