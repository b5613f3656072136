package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.local.StackConfig;
import com.openfulfil.dropship.local.process.BrokerProcess;
import com.openfulfil.dropship.local.process.Repository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each relay against the real broker: chains go through one hop per record along the paths' own
 * topic layout, batching, with the window searched upward, and each kind writes what it says it does.
 */
class RelayIT {
    private static final String BROKER = "kafka broker";
    @TempDir
    static Path data;
    private static BrokerProcess broker;
    private static ResourceMeter meter;
    private static final RelayPath SHORT = RelayPath.of("short", List.of(sample(OrderPlaced.class),
            sample(OrderStatusChanged.class)), List.of("orders.placed", "orders.lifecycle"));
    private static final RelayPath LONG = RelayPath.of("long", List.of(sample(OrderPlaced.class),
            sample(OrderStatusChanged.class), sample(DispatchRequested.class)),
            List.of("orders.placed", "orders.lifecycle", "supplier.x.dispatch"));

    @BeforeAll
    static void startBroker() {
        broker = new BrokerProcess(Repository.locate(), data, StackConfig.freePort(), StackConfig.freePort());
        broker.start(Duration.ofSeconds(90));
        meter = new ResourceMeter(Map.of(BROKER, broker.process().pid()), ProcStat.clockTicks());
    }

    @AfterAll
    static void stopBroker() {
        broker.kill();
    }

    private static <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /**
     * Short phases: the tests check what each relay writes and that the search doubles the window,
     * not how fast the relays go, so two windows (16, 32), half a second's warm-up and one second's
     * measurement are enough.
     */
    private static Relay.Settings settings() {
        return new Relay.Settings(2, 2, 5, 16_384, 500, 100, 16, 32, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Set.of(BROKER));
    }

    private static void assertMovedChains(Relay.Result result, Relay.Kind kind) {
        assertThat(result.kind()).isEqualTo(kind.label());
        assertThat(result.chains()).isPositive();
        assertThat(result.chainsPerSecond()).isPositive();
        assertThat(result.recordsPerSecond()).isGreaterThan(result.chainsPerSecond());
        assertThat(result.topics()).isEqualTo(3);
        assertThat(result.minHops()).isEqualTo(1);
        assertThat(result.maxHops()).isEqualTo(2);
        assertThat(result.recordsPerChain()).isEqualTo(2.5);
        assertThat(result.windowSearch()).isNotEmpty();
        assertThat(result.windowSearch().get(0).window()).isEqualTo(16);
        assertThat(result.windowSearch()).extracting(Relay.WindowStep::window).allSatisfy(w ->
                assertThat(Integer.bitCount(w / 16)).isEqualTo(1));
        // upward, doubling, up to the largest window allowed
        assertThat(result.windowSearch()).extracting(Relay.WindowStep::window).containsExactly(16, 32);
        assertThat(result.window()).isIn(result.windowSearch().stream().map(Relay.WindowStep::window).toList());
        assertThat(result.chainLatency().count()).isPositive();
        assertThat(result.cpuSeconds()).containsKey(BROKER);
        assertThat(result.cpuSecondsPerThousandRecords()).isPositive();
        assertThat(result.writtenPerChain()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void theBytesRelayCopiesTheCapturedRecordsBytesAndHeadersAlongThePathsTopics() {
        try (Relay relay = new Relay(broker.bootstrapServers(), Relay.Kind.BYTES, settings(), List.of(SHORT, LONG))) {
            Relay.Result result = relay.run(meter);

            assertMovedChains(result, Relay.Kind.BYTES);
            List<ConsumerRecord<byte[], byte[]>> lifecycle = read(Relay.topic(Relay.Kind.BYTES, "orders.lifecycle"), false);
            assertThat(lifecycle).allSatisfy(r -> {
                assertThat(r.value()).isEqualTo(SHORT.steps().get(1).value());
                assertThat(EventHeaders.type(r.headers())).isEqualTo("OrderStatusChanged");
            });
            assertThat(read(Relay.topic(Relay.Kind.BYTES, "supplier.x.dispatch"), false))
                    .allSatisfy(r -> assertThat(r.value()).isEqualTo(LONG.steps().get(2).value()));
        }
    }

    @Test
    void theCodecRelayWritesEachEventAfreshWithThePipelinesSerde() {
        try (Relay relay = new Relay(broker.bootstrapServers(), Relay.Kind.CODEC, settings(), List.of(SHORT, LONG))) {
            Relay.Result result = relay.run(meter);

            assertMovedChains(result, Relay.Kind.CODEC);
            EventSerde serde = new EventSerde();
            assertThat(read(Relay.topic(Relay.Kind.CODEC, "orders.placed"), false)).allSatisfy(r ->
                    assertThat(serde.deserialize("orders.placed", r.headers(), r.value())).isEqualTo(sample(OrderPlaced.class)));
            assertThat(read(Relay.topic(Relay.Kind.CODEC, "supplier.x.dispatch"), false)).allSatisfy(r -> {
                assertThat(serde.deserialize("supplier.x.dispatch", r.value())).isEqualTo(sample(DispatchRequested.class));
                assertThat(EventHeaders.type(r.headers())).isEqualTo("DispatchRequested");
            });
        }
    }

    @Test
    void theTransactionalRelayCommitsItsOutputAndItsOffsetsTogether() throws Exception {
        try (Relay relay = new Relay(broker.bootstrapServers(), Relay.Kind.TRANSACTIONAL, settings(),
                List.of(SHORT, LONG))) {
            Relay.Result result = relay.run(meter);

            assertMovedChains(result, Relay.Kind.TRANSACTIONAL);
            String lifecycle = Relay.topic(Relay.Kind.TRANSACTIONAL, "orders.lifecycle");
            List<ConsumerRecord<byte[], byte[]>> committed = read(lifecycle, true);
            assertThat(committed).isNotEmpty();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("bench.relay.transactional")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                // the hops' input offsets went into their transactions
                assertThat(offsets.keySet()).extracting(TopicPartition::topic).contains(lifecycle);
                long ends = admin.listOffsets(Map.of(new TopicPartition(lifecycle, 0), OffsetSpec.latest(),
                                new TopicPartition(lifecycle, 1), OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS)
                        .values().stream().mapToLong(o -> o.offset()).sum();
                // every commit leaves a marker in the log beside the records
                assertThat(ends).isGreaterThan(committed.size());
            }
        }
    }

    /** Every record on a topic (committed ones only when asked), from the start. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, boolean committedOnly) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return records;
        }
    }
}
