package com.openfulfil.dropship.support.it;

import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.streams.DeadLetters;
import com.openfulfil.dropship.support.streams.StreamsHealthIndicator;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison messages on a consumed topic land in its DLQ with the reason, and the stream goes on. */
@SpringBootTest(classes = SupportTestApp.class, properties = {
        "spring.application.name=support-it",
        "spring.cloud.function.definition=echo",
        "spring.cloud.stream.bindings.echo-in-0.destination=orders.placed",
        "spring.cloud.stream.bindings.echo-out-0.destination=orders.lifecycle",
        "spring.cloud.stream.kafka.streams.binder.functions.echo.application-id=support-it"})
class DeadLetterIT extends KafkaIntegrationTest {

    @Autowired
    StreamsHealthIndicator streams;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String brokers = EmbeddedBroker.bootstrapServers();
        EventSerde serde = new EventSerde();
        TopicReader.writeRaw(brokers, "orders.placed", "bad-json", "{\"type\":\"OrderPlaced\",".getBytes(StandardCharsets.UTF_8));
        TopicReader.writeRaw(brokers, "orders.placed", "unknown", "{\"type\":\"OrderTeleported\",\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8));
        TopicReader.writeRaw(brokers, "orders.placed", "boom", serde.serialize("t", OrderFixtures.anOrder().withOrderId("boom").build()));
        TopicReader.writeRaw(brokers, "orders.placed", "ok-1", serde.serialize("t", OrderFixtures.anOrder().withOrderId("ok-1").build()));

        try (TopicReader lifecycle = new TopicReader(brokers, Topics.ORDERS_LIFECYCLE.name())) {
            lifecycle.until(Duration.ofSeconds(60), seen -> seen.stream().anyMatch(r -> r.key().equals("ok-1")));
            assertThat(lifecycle.valuesOf(OrderStatusChanged.class)).extracting(OrderStatusChanged::orderId)
                    .containsExactly("ok-1");
        }

        assertThat(streams.health(true).getStatus().getCode()).as("a running stream is ready").isEqualTo("UP");

        List<ConsumerRecord<byte[], byte[]>> dead = readAll(brokers, Topics.dlq("orders.placed", "support-it"), 3);
        assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("bad-json", "unknown", "boom");
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, DeadLetters.TOPIC)).isEqualTo("orders.placed");
            assertThat(header(r, DeadLetters.GROUP)).isEqualTo("support-it");
            assertThat(header(r, DeadLetters.OFFSET)).isNotBlank();
        });
        assertThat(dead).anySatisfy(r -> assertThat(header(r, DeadLetters.ERROR)).contains("OrderTeleported"));
        assertThat(dead).anySatisfy(r -> assertThat(header(r, DeadLetters.ERROR)).contains("cannot handle order boom"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String brokers, String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
