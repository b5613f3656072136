package com.openfulfil.dropship.local.process;

import com.openfulfil.dropship.local.StackConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real broker as a child process keeps its records across a clean stop and across a kill -9. */
class BrokerProcessIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPIC = "it.records";

    @TempDir
    Path data;
    private BrokerProcess broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new BrokerProcess(Repository.locate(), data, StackConfig.freePort(), StackConfig.freePort());
        broker.start(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stopBroker() {
        broker.kill();
    }

    @Test
    void keepsARecordAcrossAStopAndAStartOnTheSameData() throws Exception {
        produce("order-1", "placed");
        assertThat(readAll()).containsExactly("order-1=placed");

        broker.stop();
        assertThat(broker.isAlive()).isFalse();
        broker.start(START_TIMEOUT);

        assertThat(readAll()).containsExactly("order-1=placed");
        assertThat(data.resolve("logs/kafka.log")).content().contains("Kafka Server started");
    }

    @Test
    void recoversAfterAKill() throws Exception {
        produce("order-2", "placed");

        broker.kill();
        assertThat(broker.isAlive()).isFalse();
        broker.start(START_TIMEOUT);
        produce("order-2", "confirmed");

        assertThat(readAll()).containsExactly("order-2=placed", "order-2=confirmed");
    }

    private void produce(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every record of the topic, read from the beginning until the end offset seen at the start. */
    private List<String> readAll() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.key() + "=" + r.value());
                }
                return consumer.position(partition) >= end;
            });
            return values;
        }
    }
}
