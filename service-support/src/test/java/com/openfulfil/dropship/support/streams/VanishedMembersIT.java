package com.openfulfil.dropship.support.streams;

import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A stream thread that left its group with a transaction open (as a killed instance does) no longer holds
 * its partitions' readers for the transaction's timeout: once the client is RUNNING again after the
 * rebalance, the transaction is aborted and the old producer fenced.
 */
class VanishedMembersIT {
    private static final String APPLICATION = "vanished-it";
    private static final String TOPIC = "vanished-it-output";
    /** Far longer than the test waits: only the fence can end the transaction in time. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers());

    @Test
    void theOpenTransactionOfAThreadThatLeftTheGroupIsAbortedAfterTheNextRebalanceNotAtItsTimeout() throws Exception {
        String processId = UUID.randomUUID().toString();
        String threadClientId = APPLICATION + "-" + processId + "-StreamThread-1-consumer";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            VanishedMembers members = VanishedMembers.of(streamsConfig(), admin, PRODUCER, new SimpleMeterRegistry())
                    .orElseThrow();
            leaveWithATransactionOpen(members, processId, threadClientId);
        }
    }

    private static void leaveWithATransactionOpen(VanishedMembers members, String processId, String threadClientId)
            throws Exception {
        try (KafkaProducer<String, String> dead = producer(APPLICATION + "-" + processId + "-1")) {
            dead.initTransactions();
            try (KafkaConsumer<String, String> thread = member(threadClientId)) {
                thread.subscribe(List.of(TOPIC));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    thread.poll(Duration.ofMillis(100));
                    return !thread.assignment().isEmpty();
                });
                members.onStateChange(KafkaStreams.State.RUNNING);
                await().atMost(Duration.ofSeconds(30)).until(() -> members.known().contains(threadClientId));

                dead.beginTransaction();
                dead.send(new ProducerRecord<>(TOPIC, "order-1", "written, never committed")).get(30, TimeUnit.SECONDS);
            }
            assertThat(lastStableOffset()).as("the open transaction holds read_committed readers").isZero();

            members.onStateChange(KafkaStreams.State.RUNNING);
            await().atMost(TRANSACTION_TIMEOUT.dividedBy(3)).until(() -> lastStableOffset() > 0);
            assertThatThrownBy(dead::commitTransaction).as("the vanished thread's producer is fenced")
                    // which of these the broker answers depends on how far its abort has got
                    .isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class,
                            InvalidTxnStateException.class);
        }
        assertThat(members.known()).doesNotContain(threadClientId);
    }

    @Test
    void onlyAStreamThreadsConsumerOfTheSameApplicationNamesATransactionalId() {
        assertThat(VanishedMembers.transactionalId("orders", "orders-5f0c-StreamThread-2-consumer")).contains("orders-5f0c-2");
        assertThat(VanishedMembers.transactionalId("orders", "orders-5f0c-StreamThread-2-restore-consumer")).isEmpty();
        assertThat(VanishedMembers.transactionalId("orders", "billing-5f0c-StreamThread-1-consumer")).isEmpty();
        assertThat(VanishedMembers.transactionalId("orders", "console-consumer-1")).isEmpty();
        assertThat(VanishedMembers.gone(Set.of("a", "b"), Set.of("b", "c"))).containsExactly("a");
    }

    @Test
    void onlyAClientUnderExactlyOnceWithTheClientIdsKafkaStreamsMakesUpIsWatched() {
        Properties atLeastOnce = streamsConfig();
        atLeastOnce.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        Properties ownClientId = streamsConfig();
        ownClientId.setProperty(StreamsConfig.CLIENT_ID_CONFIG, "orders-1");
        assertThat(VanishedMembers.of(atLeastOnce, null, PRODUCER, new SimpleMeterRegistry())).isEmpty();
        assertThat(VanishedMembers.of(ownClientId, null, PRODUCER, new SimpleMeterRegistry())).isEmpty();
        assertThat(VanishedMembers.of(streamsConfig(), null, PRODUCER, new SimpleMeterRegistry())).isPresent();
    }

    private static Properties streamsConfig() {
        Properties config = new Properties();
        config.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        config.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers());
        config.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.setProperty(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "10000");
        config.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        return config;
    }

    private static long lastStableOffset() throws Exception {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                    .get(partition).offset();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis()),
                new StringSerializer(), new StringSerializer());
    }

    /** A member of the application's group under the client id Kafka Streams gives a stream thread's consumer. */
    private static KafkaConsumer<String, String> member(String clientId) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, APPLICATION, ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }
}
