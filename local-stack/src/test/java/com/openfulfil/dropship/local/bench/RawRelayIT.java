package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.local.process.BrokerProcess;
import com.openfulfil.dropship.local.process.Repository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The raw relay against the real broker: every chain goes through one hop per event, carrying the path's events. */
class RawRelayIT {
    @TempDir
    static Path data;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = new BrokerProcess(Repository.locate(), data, freePort(), freePort());
        broker.start(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopBroker() {
        broker.kill();
    }

    private static <T extends Event> T sample(Class<T> type) {
        return SampleEvents.all().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void movesEveryChainThroughOneHopPerEventWithThePathsEventsInOrder() {
        RelayPath short_ = new RelayPath("short", List.of(sample(OrderPlaced.class), sample(OrderStatusChanged.class)),
                List.of("orders.placed", "orders.lifecycle"));
        RelayPath long_ = new RelayPath("long", List.of(sample(OrderPlaced.class), sample(OrderStatusChanged.class),
                sample(DispatchRequested.class)), List.of("orders.placed", "orders.lifecycle", "supplier.x.dispatch"));
        ResourceMeter meter = new ResourceMeter(Map.of("kafka broker", broker.process().pid()), ProcStat.clockTicks());

        RawRelay.Result result = new RawRelay(broker.bootstrapServers(), new RawRelay.Settings(2, 2, 5, 16384, 200,
                Duration.ofSeconds(2), Duration.ofSeconds(3)), List.of(short_, long_)).run(meter);

        assertThat(result.chains()).isPositive();
        assertThat(result.chainsPerSecond()).isPositive();
        assertThat(result.minHops()).isEqualTo(1);
        assertThat(result.maxHops()).isEqualTo(2);
        assertThat(result.messagesPerChain()).isEqualTo(2.5);
        assertThat(result.chainLatency().count()).isPositive();
        assertThat(result.cpuSeconds()).containsKey("kafka broker");
        assertThat(typesOn(RawRelay.topic(0))).containsOnly("OrderPlaced");
        assertThat(typesOn(RawRelay.topic(1))).containsOnly("OrderStatusChanged");
        assertThat(typesOn(RawRelay.topic(2))).containsOnly("DispatchRequested");
    }

    /** The event types written to a relay topic. */
    private static Set<String> typesOn(String topic) {
        try (KafkaConsumer<String, Event> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
                new EventSerde())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Event> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
                return !events.isEmpty();
            });
            return events.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
